namespace Outreach.Content.Broadcasts;

/// <summary>
/// The SQL around an <see cref="Audience"/>: contacts c with their unit u (<see cref="From"/>), and the opt-in to the post's
/// topic @topic (<see cref="IsOptedIn"/>: a topic on by default, such as hotline news, reaches everyone in the audience who
/// has not opted out of it). Write From, then any joins on c, then WHERE Audience.Sql AND IsOptedIn.
/// </summary>
internal static class AudienceSql
{
    public const string From = """
        FROM contacts c
        JOIN org_units u ON u.id = c.org_unit_id
        """;

    public const string IsOptedIn = """
        (EXISTS (SELECT 1 FROM subscriptions s WHERE s.contact_id = c.id AND s.topic = @topic AND s.is_active)
         OR (NOT (SELECT t.is_mutable FROM topics t WHERE t.code = @topic)
             AND NOT EXISTS (SELECT 1 FROM subscriptions s
                             WHERE s.contact_id = c.id AND s.topic = @topic AND NOT s.is_active AND s.opted_out_at IS NOT NULL)))
        """;
}
