namespace Outreach.Content.Broadcasts;

/// <summary>
/// The SQL around an <see cref="Audience"/>: contacts c with their unit u (<see cref="From"/>), and the opt-in to the post's
/// topic @topic (<see cref="IsOptedIn"/>: a topic that cannot be muted, such as hotlines, reaches everyone in the audience).
/// Write From, then any joins on c, then WHERE Audience.Sql AND IsOptedIn.
/// </summary>
internal static class AudienceSql
{
    public const string From = """
        FROM contacts c
        JOIN org_units u ON u.id = c.org_unit_id
        """;

    public const string IsOptedIn = """
        (NOT (SELECT t.is_mutable FROM topics t WHERE t.code = @topic)
         OR EXISTS (SELECT 1 FROM subscriptions s WHERE s.contact_id = c.id AND s.topic = @topic AND s.is_active))
        """;
}
