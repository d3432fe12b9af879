using Dapper;
using Outreach.Content.Channels;
using Outreach.Content.Contacts;

namespace Outreach.Content.Broadcasts;

/// <summary>
/// Whether a member may be sent a broadcast now, and if not why: one SQL expression over contacts <c>c</c>, with each
/// channel's messaging window and quota (<see cref="ChannelProfile"/>) handed in as parameters, joined as <c>r</c>. The
/// planner, the audience preview and the claim just before each send all use it, so they give the same reasons
/// (<see cref="SkipReasons"/> and the channels' own window and quota reasons).
/// </summary>
public sealed class Eligibility(ChannelCatalog channels)
{
    /// <summary>Joins each contact to her channel's rules (<c>r</c>); goes right after the FROM/JOIN that names <c>c</c>.</summary>
    /// <remarks>
    /// OFFSET 0 keeps the rules a subquery of their own, which the planner materializes once: joined directly, the six
    /// arrays were unnested again for every member (a quarter of the audience query's CPU at 1M members, issue 17).
    /// </remarks>
    internal const string RulesJoin = """
        LEFT JOIN (SELECT * FROM unnest(@ruleChannels::text[], @ruleWindows::interval[], @ruleWindowReasons::text[],
                                        @rulePerDay::int[], @rulePer30Days::int[], @ruleQuotaReasons::text[])
                       AS rules(channel, window_length, window_reason, per_day, per_30_days, quota_reason)
                   OFFSET 0) AS r ON r.channel = c.channel
        """;

    /// <summary>Why the member may not be sent at @now, or NULL when she may (needs <see cref="RulesJoin"/>).</summary>
    internal const string ReasonSql = $"""
        CASE
            WHEN c.status = '{ContactStatuses.Unfollowed}' THEN '{SkipReasons.NotFollower}'
            WHEN c.status <> '{ContactStatuses.Active}' THEN '{SkipReasons.Unreachable}'
            WHEN c.last_inbound_at IS NULL THEN '{SkipReasons.NeverInteracted}'
            WHEN c.last_inbound_at < @now - r.window_length THEN r.window_reason
            WHEN r.per_day IS NULL THEN NULL
            WHEN (SELECT count(*) FROM deliveries q WHERE q.contact_id = c.id AND q.sent_at > @now - interval '1 day') >= r.per_day
              OR (SELECT count(*) FROM deliveries q WHERE q.contact_id = c.id AND q.sent_at > @now - interval '30 days') >= r.per_30_days
                THEN r.quota_reason
            ELSE NULL
        END
        """;

    /// <summary>Adds @now and the channels' rules to <paramref name="parameters"/>.</summary>
    internal void AddParameters(DynamicParameters parameters, DateTimeOffset now)
    {
        var rules = channels.All;
        parameters.AddDynamicParams(new
        {
            now,
            ruleChannels = rules.Select(p => p.Name).ToArray(),
            ruleWindows = rules.Select(p => p.Window?.Length).ToArray(),
            ruleWindowReasons = rules.Select(p => p.Window?.Reason).ToArray(),
            rulePerDay = rules.Select(p => p.Quota?.PerDay).ToArray(),
            rulePer30Days = rules.Select(p => p.Quota?.Per30Days).ToArray(),
            ruleQuotaReasons = rules.Select(p => p.Quota?.Reason).ToArray(),
        });
    }

    /// <summary>The reason a platform's own "outside the messaging window" refusal is recorded with: the channel's window reason.</summary>
    public string WindowReason(string channel) => channels.Find(channel)?.Window?.Reason ?? SkipReasons.WindowClosed;
}
