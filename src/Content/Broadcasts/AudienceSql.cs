namespace Outreach.Content.Broadcasts;

/// <summary>
/// The audience of a post, as SQL over contacts c (with their unit u): members on the post's channels, in its units or below
/// them, opted in to its topic (a topic that cannot be muted, such as hotlines, reaches everyone in those units).
/// Parameters: @channels, @units, @topic. Write <see cref="From"/>, then any joins on c, then <see cref="Where"/>.
/// </summary>
internal static class AudienceSql
{
    public const string From = """
        FROM contacts c
        JOIN org_units u ON u.id = c.org_unit_id
        """;

    public const string Where = """
        WHERE c.channel = ANY(@channels)
          AND EXISTS (SELECT 1 FROM org_units a WHERE a.id = ANY(@units) AND u.path LIKE a.path || '%')
        """;

    public const string IsOptedIn = """
        (NOT (SELECT t.is_mutable FROM topics t WHERE t.code = @topic)
         OR EXISTS (SELECT 1 FROM subscriptions s WHERE s.contact_id = c.id AND s.topic = @topic AND s.is_active))
        """;
}
