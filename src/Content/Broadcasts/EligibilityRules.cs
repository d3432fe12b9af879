namespace Outreach.Content.Broadcasts;

/// <summary>
/// The platform rules that decide, per member, whether a broadcast may be sent (PLATFORM-MESSENGER.md §2.5,
/// PLATFORM-ZALO.md §3.4, §4.2). The Zalo quotas are uncertain in the sources, so they are settings.
/// </summary>
public sealed record EligibilityRules(TimeSpan MessengerWindow, TimeSpan ZaloWindow, int ZaloMaxPerDay, int ZaloMaxPerMonth)
{
    public static EligibilityRules Default { get; } = new(TimeSpan.FromHours(24), TimeSpan.FromDays(7), 1, 4);

    /// <summary>The SQL expression (over contact c) naming why a member may not be sent at @now, or NULL when she may.</summary>
    internal const string ReasonSql = """
        CASE
            WHEN c.status = 'unfollowed' THEN 'not_follower'
            WHEN c.status <> 'active' THEN 'unreachable'
            WHEN c.last_inbound_at IS NULL THEN 'never_interacted'
            WHEN c.channel = 'messenger' AND c.last_inbound_at < @now - @messengerWindow THEN 'outside_24h_window'
            WHEN c.channel = 'zalo' AND c.last_inbound_at < @now - @zaloWindow THEN 'outside_7d_window'
            WHEN c.channel = 'zalo' AND (
                (SELECT count(*) FROM deliveries q WHERE q.contact_id = c.id AND q.sent_at > @now - interval '1 day') >= @zaloMaxPerDay
                OR (SELECT count(*) FROM deliveries q WHERE q.contact_id = c.id AND q.sent_at > @now - interval '30 days') >= @zaloMaxPerMonth)
                THEN 'zalo_quota'
            ELSE NULL
        END
        """;

    internal object Parameters(DateTimeOffset now) => new
    {
        now,
        messengerWindow = MessengerWindow,
        zaloWindow = ZaloWindow,
        zaloMaxPerDay = ZaloMaxPerDay,
        zaloMaxPerMonth = ZaloMaxPerMonth,
    };
}
