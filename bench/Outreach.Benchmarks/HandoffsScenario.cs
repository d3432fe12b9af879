using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Hosting;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Storage;

namespace Outreach.Benchmarks;

/// <summary>
/// The handoff inbox under a heavy history: a province of 60 communes, 30,000 Messenger members with 30 inbox events and 20
/// replies each (1.5M rows), 2,000 open handoffs (one in seven a crisis, with its alert). A province admin and a commune editor
/// fetch the queue and a conversation in a closed loop (<see cref="StaffPages.LoopAsync"/>). Options: --seconds N per
/// page (default 10), --concurrency 1,8.
/// </summary>
public sealed class HandoffsScenario : ILoadScenario
{
    private const int Communes = 60;
    private const int MembersPerCommune = 500;
    private const int EventsPerMember = 30;
    private const int RepliesPerMember = 20;
    private const int OpenHandoffs = 2000;
    private const string PageId = "1000000000001";
    private const string Password = StaffPages.Password;

    public string Name => "handoffs";

    public string Description => "Handoff inbox pages over 1.5M messages: pages/s, p50/p99 ms and size (--seconds 10 --concurrency 1,8)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = BenchArgs.Int(args, "--seconds", 10);
        var levels = BenchArgs.Ints(args, "--concurrency", "1,8");
        var directory = Directory.CreateTempSubdirectory("outreach-bench-pg-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:LocalPostgres:Directory"] = directory,
            ["Outreach:Scheduler:RunServer"] = "false",
            ["Outreach:Inbox:RunWorkers"] = "false",
            // Messenger on (its adapter reads the stored events); nothing is sent: no workers run.
            ["Outreach:Messenger:AppSecret"] = "bench-app-secret",
            ["Outreach:Messenger:VerifyToken"] = "bench-verify-token",
            ["Outreach:Messenger:Pages:0:PageId"] = PageId,
            ["Outreach:Messenger:Pages:0:AccessToken"] = "bench-page-token",
            ["Outreach:Messenger:GraphBaseUrl"] = "http://127.0.0.1:9/",
        };
        try
        {
            await using var host = await OutreachHost.StartAsync(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(),
                cancellationToken: cancellationToken);
            var started = TimeProvider.System.GetTimestamp();
            var (crisisId, memberId) = await SeedAsync(host.Services.GetRequiredService<OutreachDatabase>().ConnectionString, cancellationToken);
            Console.WriteLine($"Seeded in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
            using var admin = await StaffPages.SignInAsync(host.BaseAddress, "quantri", cancellationToken);
            using var editor = await StaffPages.SignInAsync(host.BaseAddress, "bientap.xa", cancellationToken);
            (string Who, HttpClient Client, string Page)[] pages =
            [
                ("province admin", admin, "/staff/handoffs"), ("province admin", admin, $"/staff/handoffs/{crisisId}"),
                ("province admin", admin, "/staff"), ("commune editor", editor, "/staff/handoffs"),
                ("commune editor", editor, $"/staff/handoffs/{memberId}"),
            ];
            Console.WriteLine($"Gateway {host.BaseAddress}, {Environment.ProcessorCount} cores, {seconds} s per page and level");
            Console.WriteLine("| who | page | concurrency | pages/s | p50 ms | p99 ms | max ms | KiB |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (who, client, page) in pages)
            {
                foreach (var concurrency in levels)
                {
                    await StaffPages.LoopAsync(client, page, concurrency, TimeSpan.FromSeconds(2), cancellationToken); // warm-up
                    var (count, latencies, bytes) = await StaffPages.LoopAsync(client, page, concurrency, TimeSpan.FromSeconds(seconds),
                        cancellationToken);
                    latencies.Sort();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {who} | `{page}` | {concurrency} | {count / (double)seconds:F0} | {latencies[latencies.Count / 2]:F1} | {latencies[(int)(latencies.Count * 0.99)]:F1} | {latencies[^1]:F1} | {bytes / 1024.0:F1} |"));
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Set-based, as Seed does: units, staff, members, their messages both ways (messages and read receipts), handoffs, alerts.
    // Returns the id of a crisis handoff and of an ordinary handoff of commune 1 (unit id 2).
    private static async Task<(long Crisis, long Member)> SeedAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO org_units (level, name) VALUES ('tinh', 'Hội LHPN tỉnh Bench');
            INSERT INTO org_units (parent_id, level, name) SELECT 1, 'xa', 'Hội LHPN xã ' || g FROM generate_series(1, {Communes}) g;
            INSERT INTO staff_users (username, display_name, org_unit_id, role, password_hash) VALUES
                ('quantri', 'Quản trị tỉnh', 1, 'admin', @hash), ('bientap.xa', 'Biên tập xã 1', 2, 'editor', @hash);
            INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id, display_name, last_inbound_at)
            SELECT 'messenger', '{PageId}', 'psid-' || g, 2 + g % {Communes}, 'Hội viên ' || g, now() - interval '1 hour'
            FROM generate_series(1, {Communes * MembersPerCommune}) g;
            INSERT INTO inbox_events (channel, platform_event_id, kind, account_id, sender_id, event_time, payload, status, received_at)
            SELECT 'messenger', 'm-' || c.id || '-' || e, CASE WHEN e % 3 = 0 THEN 'read' ELSE 'message' END, '{PageId}',
                   c.platform_user_id, now() - (({EventsPerMember} - e) * interval '10 minutes'),
                   jsonb_build_object('page', '{PageId}', 'standby', false, 'event', jsonb_build_object(
                       'sender', jsonb_build_object('id', c.platform_user_id), 'recipient', jsonb_build_object('id', '{PageId}'),
                       'timestamp', 0, 'message', jsonb_build_object('mid', 'm-' || c.id || '-' || e,
                       'text', 'Chị ơi em muốn hỏi về vay vốn hộ nghèo, lần thứ ' || e))),
                   'done', now()
            FROM contacts c CROSS JOIN generate_series(1, {EventsPerMember}) e;
            INSERT INTO outbound_messages (channel, account_id, recipient_id, contact_id, seq, purpose, body, status, created_at)
            SELECT 'messenger', '{PageId}', c.platform_user_id, c.id, r, 'reply',
                   jsonb_build_object('text', 'Dạ, em gửi chị thông tin về vay vốn ưu đãi của Ngân hàng Chính sách xã hội. ' || r),
                   'sent', now() - (({RepliesPerMember} - r) * interval '10 minutes')
            FROM contacts c CROSS JOIN generate_series(1, {RepliesPerMember}) r;
            INSERT INTO handoffs (contact_id, reason, requested_at)
            SELECT id, CASE WHEN id % 7 = 0 THEN 'crisis' ELSE 'member' END, now() - id * interval '1 minute'
            FROM contacts WHERE id <= {OpenHandoffs};
            INSERT INTO crisis_alerts (contact_id, channel, category, categories, created_at)
            SELECT contact_id, 'messenger', 'abuse', ARRAY['abuse'], requested_at FROM handoffs WHERE reason = 'crisis';
            ANALYZE;
            """,
            connection);
        command.Parameters.AddWithValue("hash", new StaffPasswords().Hash(Password));
        command.CommandTimeout = 1800;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await using var ids = new NpgsqlCommand(
            """
            SELECT (SELECT min(h.id) FROM handoffs h WHERE h.reason = 'crisis'),
                   (SELECT min(h.id) FROM handoffs h JOIN contacts c ON c.id = h.contact_id WHERE c.org_unit_id = 2 AND h.reason = 'member')
            """,
            connection);
        await using var reader = await ids.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
