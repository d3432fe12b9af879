namespace Outreach.Content.Broadcasts;

/// <summary>
/// The audience of a post, as SQL over contacts c (with their unit u): members on the post's channels, in its units or below
/// them, opted in to its topic (a topic on by default, such as hotline news, reaches everyone in those units who has not
/// opted out of it).
/// Parameters: @channels, @units, @topic.
/// </summary>
internal static class AudienceSql
{
    public const string InUnitsAndChannels = """
        FROM contacts c
        JOIN org_units u ON u.id = c.org_unit_id
        WHERE c.channel = ANY(@channels)
          AND EXISTS (SELECT 1 FROM org_units a WHERE a.id = ANY(@units) AND u.path LIKE a.path || '%')
        """;

    public const string IsOptedIn = """
        (EXISTS (SELECT 1 FROM subscriptions s WHERE s.contact_id = c.id AND s.topic = @topic AND s.is_active)
         OR (NOT (SELECT t.is_mutable FROM topics t WHERE t.code = @topic)
             AND NOT EXISTS (SELECT 1 FROM subscriptions s
                             WHERE s.contact_id = c.id AND s.topic = @topic AND NOT s.is_active AND s.opted_out_at IS NOT NULL)))
        """;
}
