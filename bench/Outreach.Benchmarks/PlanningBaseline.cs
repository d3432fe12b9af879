using Outreach.Content.Contacts;
using Outreach.Content.Broadcasts;

namespace Outreach.Benchmarks;

/// <summary>
/// The planner's two statements as they were before issue 17 (commit 62e1d22), kept here only so that the planning scenario
/// can time them against the product's planner in the same run: opt-in as a subquery per member, the channels' rules joined
/// straight from unnest, ON CONFLICT DO NOTHING, and the chunks read back from the deliveries just written.
/// </summary>
internal static class PlanningBaseline
{
    private const string Reason = $"""
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

    public const string Deliveries = $"""
        WITH audience AS (
            SELECT c.id, c.channel, c.org_unit_id, {Reason} AS reason
            FROM contacts c
            JOIN org_units u ON u.id = c.org_unit_id
            LEFT JOIN unnest(@ruleChannels::text[], @ruleWindows::interval[], @ruleWindowReasons::text[], @rulePerDay::int[],
                             @rulePer30Days::int[], @ruleQuotaReasons::text[])
                AS r(channel, window_length, window_reason, per_day, per_30_days, quota_reason) ON r.channel = c.channel
            WHERE c.channel = ANY(@audienceChannels)
              AND EXISTS (SELECT 1 FROM org_units a WHERE a.id = ANY(@audienceUnits) AND u.path LIKE a.path || '%')
              AND (EXISTS (SELECT 1 FROM subscriptions s WHERE s.contact_id = c.id AND s.topic = @topic AND s.is_active)
                   OR (NOT (SELECT t.is_mutable FROM topics t WHERE t.code = @topic)
                       AND NOT EXISTS (SELECT 1 FROM subscriptions s
                                       WHERE s.contact_id = c.id AND s.topic = @topic AND NOT s.is_active AND s.opted_out_at IS NOT NULL)))
        ), inserted AS (
            INSERT INTO deliveries (broadcast_id, contact_id, channel, org_unit_id, status, skip_reason, chunk_no, updated_at)
            SELECT @broadcastId, a.id, a.channel, a.org_unit_id,
                   CASE WHEN a.reason IS NULL THEN 'queued' ELSE 'skipped' END,
                   a.reason,
                   CASE WHEN a.reason IS NULL
                        THEN ((row_number() OVER (PARTITION BY a.reason IS NULL ORDER BY a.channel, a.id)) - 1) / @chunkSize END,
                   @now
            FROM audience a
            ON CONFLICT DO NOTHING
            RETURNING status
        )
        SELECT count(*) FILTER (WHERE status = 'queued'), count(*) FILTER (WHERE status = 'skipped') FROM inserted
        """;

    public const string Chunks = """
        INSERT INTO broadcast_chunks (broadcast_id, chunk_no)
        SELECT DISTINCT @broadcastId, chunk_no FROM deliveries WHERE broadcast_id = @broadcastId AND chunk_no IS NOT NULL
        ON CONFLICT DO NOTHING
        """;

    /// <summary>The two foreign keys of deliveries that migration 0180 replaced (NOT VALID: new rows are checked, old ones not re-read).</summary>
    public const string RestoreForeignKeys = """
        ALTER TABLE deliveries DISABLE TRIGGER deliveries_check_references_trg;
        ALTER TABLE deliveries
            ADD CONSTRAINT deliveries_broadcast_id_fkey FOREIGN KEY (broadcast_id) REFERENCES broadcasts (id) NOT VALID,
            ADD CONSTRAINT deliveries_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES contacts (id) NOT VALID;
        """;
}
