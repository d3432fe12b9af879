using System.Diagnostics;
using Npgsql;

namespace Outreach.Benchmarks;

/// <summary>
/// The dashboard benchmark's data, made set-based in PostgreSQL: a province, communes, five chi hội each, members on
/// Messenger and Zalo, a year of broadcasts, and their reach events (sent, delivered, read, a few clicks and replies),
/// one transaction per broadcast as the product writes them (many small transactions, here 40 large ones).
/// </summary>
internal static class DashboardData
{
    public static async Task<(long Province, long Commune, long ChiHoi, long Events)> SeedAsync(
        NpgsqlDataSource db, int communes, int contacts, int broadcasts, CancellationToken ct)
    {
        await ExecAsync(db, """
            INSERT INTO org_units (parent_id, level, name) VALUES (NULL, 'tinh', 'Hội LHPN tỉnh');
            INSERT INTO org_units (parent_id, level, name) SELECT 1, 'xa', 'Xã ' || g FROM generate_series(1, @communes) g;
            INSERT INTO org_units (parent_id, level, name) SELECT c.id, 'chi_hoi', 'Chi hội ' || g || ' ' || c.name
                FROM org_units c, generate_series(1, 5) g WHERE c.level = 'xa';
            INSERT INTO staff_users (username, display_name, org_unit_id, role, password_hash) VALUES ('bench', 'bench', 1, 'admin', 'x');
            WITH chi AS (SELECT array_agg(id ORDER BY id) AS ids FROM org_units WHERE level = 'chi_hoi')
            INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id, last_inbound_at)
            SELECT CASE WHEN g % 3 = 0 THEN 'zalo' ELSE 'messenger' END, 'page', 'u' || g, chi.ids[1 + g % cardinality(chi.ids)], now()
            FROM chi, generate_series(1, @contacts) g;
            INSERT INTO posts (org_unit_id, title, body, topic, audience, status, created_by)
            SELECT CASE WHEN g % 4 = 0 THEN 1 + g % @communes + 1 ELSE 1 END, 'Bài ' || g, 'Nội dung', (ARRAY['health','violence','loan','policy'])[1 + g % 4],
                   '{"channels": ["messenger", "zalo"], "units": [1]}', 'sent', 1
            FROM generate_series(1, @broadcasts) g;
            INSERT INTO broadcasts (post_id, occurrence_at, status)
            SELECT id, timestamptz '2026-01-05 02:00+00' + (id * interval '8 days'), 'completed' FROM posts;
            """, new { communes, contacts, broadcasts }, ct);

        var watch = Stopwatch.StartNew();
        for (var b = 1; b <= broadcasts; b++)
        {
            // 5/6 of the members get each broadcast; 70 % deliver, 30 % read, 2 % click (some twice), 0.5 % reply, 0.2 % opt out.
            await ExecAsync(db, """
                WITH audience AS (
                    SELECT c.id, c.org_unit_id, c.channel, b.occurrence_at AS at, (c.id * 7919 + @b * 104729) % 1000 AS r
                    FROM contacts c, broadcasts b WHERE b.id = @b AND c.id % 6 <> @b % 6)
                INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at)
                SELECT k.kind, @b, a.id, a.org_unit_id, a.channel, a.at + k.after
                FROM audience a CROSS JOIN LATERAL (VALUES
                    ('sent', interval '0', true),
                    ('delivered', (a.r % 120) * interval '1 minute', a.r < 700),
                    ('read', (a.r % 50) * interval '1 hour', a.r < 300),
                    ('clicked', (a.r % 70) * interval '1 hour', a.r < 20),
                    ('clicked', interval '3 days', a.r < 5),
                    ('replied', interval '5 hours', a.r BETWEEN 20 AND 24),
                    ('unsubscribed', interval '6 hours', a.r BETWEEN 30 AND 31)) AS k(kind, after, happens)
                WHERE k.happens
                """, new { b }, ct);
            Console.Error.Write($"\rbroadcast {b}/{broadcasts} written ({watch.Elapsed.TotalSeconds:0} s)");
        }

        Console.Error.WriteLine();
        await ExecAsync(db, "ANALYZE", null, ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var count = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM reach_events), (SELECT min(id) FROM org_units WHERE level = 'xa'), (SELECT min(id) FROM org_units WHERE level = 'chi_hoi')",
            connection);
        await using var reader = await count.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (1, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(0));
    }

    private static async Task ExecAsync(NpgsqlDataSource db, string sql, object? args, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var property in args?.GetType().GetProperties() ?? [])
        {
            command.Parameters.AddWithValue(property.Name, property.GetValue(args)!);
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
