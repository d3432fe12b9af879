namespace Outreach.Content.Broadcasts;

/// <summary>
/// The SQL around an <see cref="Audience"/>: contacts c with their unit u (<see cref="From"/>), their subscription to the
/// post's topic @topic joined as s (<see cref="SubscriptionJoin"/>), and whether they are opted in (<see cref="IsOptedIn"/>:
/// a topic on by default, such as hotline news, reaches everyone in the audience who has not opted out of it). Write From,
/// then any joins on c, then SubscriptionJoin, then WHERE Audience.Sql AND IsOptedIn.
/// </summary>
internal static class AudienceSql
{
    public const string From = """
        FROM contacts c
        JOIN org_units u ON u.id = c.org_unit_id
        """;

    /// <summary>
    /// The member's one subscription row for @topic (the primary key is contact and topic), or NULLs. A join rather than a
    /// subquery per member, so that planning a million members can read subscriptions in one pass (issue 17).
    /// </summary>
    public const string SubscriptionJoin = """
        LEFT JOIN subscriptions s ON s.contact_id = c.id AND s.topic = @topic
        """;

    /// <summary>Opted in to @topic (needs <see cref="SubscriptionJoin"/>); never NULL, so NOT IsOptedIn is safe.</summary>
    public const string IsOptedIn = """
        (s.is_active IS TRUE
         OR ((s.contact_id IS NULL OR s.opted_out_at IS NULL)
             AND NOT (SELECT t.is_mutable FROM topics t WHERE t.code = @topic)))
        """;
}
