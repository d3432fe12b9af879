namespace Outreach.Content.Stats;

/// <summary>
/// The statements of one roll-up transaction (see <see cref="ReachRollup"/>). They work on temporary tables that live until
/// the transaction ends: reach_batch (the events consumed), reach_units (every unit with each of its ancestors, itself
/// included; a merged unit stands for the unit it was merged into, so its past reach counts there: UnitTree/README.md),
/// reach_cand (who may count as a new person in which scope), reach_fresh and reach_incr (who does, and where).
/// </summary>
internal static class ReachRollupSql
{
    // Arbitrary, fixed: one roll-up at a time per database, whoever runs it (the Hangfire job, a test, the benchmark).
    public const long LockKey = 0x5265_6163_6852_6F6C;

    public const string Lock = "SELECT pg_advisory_xact_lock(@key)";

    public const string ReadState = """
        SELECT last_tx::text AS lasttx, last_id AS lastid, rebuild_requested AS rebuildrequested,
               pg_snapshot_xmin(pg_current_snapshot())::text AS horizon
        FROM reach_rollup_state WHERE id = 1 FOR UPDATE
        """;

    public const string Reset = """
        TRUNCATE reach_daily, reach_period_people, reach_firsts;
        UPDATE reach_rollup_state SET last_tx = '0', last_id = 0, rebuild_requested = false WHERE id = 1;
        UPDATE report_periods SET is_rolled_up = true;
        """;

    public const string CreateTemporaryTables = """
        CREATE TEMP TABLE reach_batch (
            tx xid8, id bigint, kind text, broadcast_id bigint, contact_id bigint, org_unit_id bigint, channel text, day date, topic text
        ) ON COMMIT DROP;
        CREATE TEMP TABLE reach_cand (
            scope text, kind text, contact_id bigint, org_unit_id bigint, channel text, day date, broadcast_id bigint, period_id bigint, topic text
        ) ON COMMIT DROP;
        CREATE TEMP TABLE reach_units ON COMMIT DROP AS
            SELECT o.id AS unit_id, a::bigint AS ancestor_id
            FROM org_units o LEFT JOIN org_units survivor ON survivor.id = o.merged_into_id,
                 unnest(string_to_array(trim(BOTH '/' FROM coalesce(survivor.path, o.path)), '/')) AS a;
        CREATE INDEX ON reach_units (unit_id);
        """;

    // The next events of transactions that have all ended, in (tx, id) order. Events of a member without a unit are skipped.
    public const string FillBatch = """
        INSERT INTO reach_batch
        SELECT e.tx, e.id, e.kind, e.broadcast_id, e.contact_id, e.org_unit_id, e.channel,
               (e.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, p.topic
        FROM reach_events e JOIN broadcasts b ON b.id = e.broadcast_id JOIN posts p ON p.id = b.post_id
        WHERE (e.tx, e.id) > (@lastTx::xid8, @lastId) AND e.tx < @horizon::xid8
        ORDER BY e.tx, e.id
        LIMIT @limit;
        ANALYZE reach_batch;
        """;

    public const string BatchEnd = """
        SELECT tx::text AS lasttx, id AS lastid, (SELECT count(*)::int FROM reach_batch) AS count
        FROM reach_batch ORDER BY tx DESC, id DESC LIMIT 1
        """;

    public const string EnsureYears = """
        INSERT INTO report_periods (kind, code, name_vi, starts_on, ends_on)
        SELECT DISTINCT 'year', y::text, 'Năm ' || y, make_date(y, 1, 1), make_date(y, 12, 31)
        FROM (SELECT DISTINCT extract(year FROM day)::int AS y FROM reach_batch) years
        ON CONFLICT (code) DO NOTHING
        """;

    public const string PeriodsToBackfill = "SELECT id FROM report_periods WHERE NOT is_rolled_up ORDER BY id";

    // A new period counts the people of every event already consumed (those after the watermark come with the batches).
    public const string BackfillCandidates = """
        INSERT INTO reach_cand (scope, kind, contact_id, org_unit_id, channel, period_id, topic)
        SELECT 'p:' || p.id || x.suffix, e.kind, e.contact_id, e.org_unit_id, e.channel, p.id, x.topic
        FROM reach_events e JOIN broadcasts b ON b.id = e.broadcast_id JOIN posts po ON po.id = b.post_id
        JOIN report_periods p ON p.id = ANY(@periodIds)
             AND (e.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN p.starts_on AND p.ends_on
        CROSS JOIN LATERAL (VALUES ('', ''), (':t:' || po.topic, po.topic)) AS x(suffix, topic)
        WHERE (e.tx, e.id) <= (@lastTx::xid8, @lastId) AND e.org_unit_id IS NOT NULL
          AND e.at >= (SELECT min(starts_on) - 1 FROM report_periods WHERE id = ANY(@periodIds))::timestamp AT TIME ZONE 'UTC'
          AND e.at < (SELECT max(ends_on) + 2 FROM report_periods WHERE id = ANY(@periodIds))::timestamp AT TIME ZONE 'UTC'
        GROUP BY 1, 2, 3, 4, 5, 6, 7;
        UPDATE report_periods SET is_rolled_up = true WHERE id = ANY(@periodIds);
        """;

    // lượt for every kind; people for the kinds a delivery reaches at most once (the repeatable ones come from reach_incr).
    public const string AddDailyEvents = """
        INSERT INTO reach_daily (org_unit_id, day, broadcast_id, channel, kind, events, people)
        SELECT u.ancestor_id, b.day, b.broadcast_id, b.channel, b.kind, count(*),
               CASE WHEN b.kind IN ('sent', 'delivered', 'read') THEN count(*) ELSE 0 END
        FROM reach_batch b JOIN reach_units u ON u.unit_id = b.org_unit_id
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (org_unit_id, day, broadcast_id, channel, kind)
        DO UPDATE SET events = reach_daily.events + EXCLUDED.events, people = reach_daily.people + EXCLUDED.people
        """;

    public const string BatchCandidates = """
        INSERT INTO reach_cand (scope, kind, contact_id, org_unit_id, channel, day, broadcast_id)
        SELECT 'b:' || broadcast_id, kind, contact_id, org_unit_id, channel, min(day), broadcast_id
        FROM reach_batch WHERE kind IN ('clicked', 'replied', 'unsubscribed')
        GROUP BY 1, 2, 3, 4, 5, 7;
        INSERT INTO reach_cand (scope, kind, contact_id, org_unit_id, channel, period_id, topic)
        SELECT 'p:' || p.id || x.suffix, b.kind, b.contact_id, b.org_unit_id, b.channel, p.id, x.topic
        FROM reach_batch b
        JOIN report_periods p ON p.is_rolled_up AND b.day BETWEEN p.starts_on AND p.ends_on
        CROSS JOIN LATERAL (VALUES ('', ''), (':t:' || b.topic, b.topic)) AS x(suffix, topic)
        GROUP BY 1, 2, 3, 4, 5, 6, 7;
        """;

    // A candidate is new in a scope unless she was already counted there under the same unit. A member who moved is counted
    // again only under the ancestors of her new unit that did not already count her (the province counts her once).
    public const string ApplyCandidates = """
        ANALYZE reach_cand;
        CREATE TEMP TABLE reach_fresh ON COMMIT DROP AS
            SELECT c.*, f.units AS old_units
            FROM reach_cand c LEFT JOIN reach_firsts f ON f.scope = c.scope AND f.kind = c.kind AND f.contact_id = c.contact_id
            WHERE f.units IS NULL OR NOT (c.org_unit_id = ANY (f.units));
        CREATE TEMP TABLE reach_incr ON COMMIT DROP AS
            SELECT fr.scope, fr.kind, fr.channel, u.ancestor_id, fr.broadcast_id, fr.period_id, fr.topic, min(fr.day) AS day
            FROM reach_fresh fr JOIN reach_units u ON u.unit_id = fr.org_unit_id
            WHERE fr.old_units IS NULL OR NOT EXISTS (
                SELECT 1 FROM reach_units old WHERE old.unit_id = ANY (fr.old_units) AND old.ancestor_id = u.ancestor_id)
            GROUP BY fr.scope, fr.kind, fr.contact_id, fr.channel, u.ancestor_id, fr.broadcast_id, fr.period_id, fr.topic;
        INSERT INTO reach_daily (org_unit_id, day, broadcast_id, channel, kind, events, people)
        SELECT ancestor_id, day, broadcast_id, channel, kind, 0, count(*) FROM reach_incr WHERE broadcast_id IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (org_unit_id, day, broadcast_id, channel, kind) DO UPDATE SET people = reach_daily.people + EXCLUDED.people;
        INSERT INTO reach_period_people (period_id, org_unit_id, topic, channel, kind, people)
        SELECT period_id, ancestor_id, topic, channel, kind, count(*) FROM reach_incr WHERE period_id IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (period_id, org_unit_id, topic, channel, kind) DO UPDATE SET people = reach_period_people.people + EXCLUDED.people;
        INSERT INTO reach_firsts (scope, kind, contact_id, units)
        SELECT scope, kind, contact_id, array_agg(DISTINCT org_unit_id) FROM reach_fresh GROUP BY 1, 2, 3
        ON CONFLICT (scope, kind, contact_id) DO UPDATE SET units = reach_firsts.units || EXCLUDED.units;
        DROP TABLE reach_fresh, reach_incr;
        TRUNCATE reach_cand;
        """;

    public const string Advance = """
        UPDATE reach_rollup_state SET last_tx = @lastTx::xid8, last_id = @lastId, rolled_up_at = @now WHERE id = 1
        """;

    public const string Touch = "UPDATE reach_rollup_state SET rolled_up_at = @now WHERE id = 1";
}
