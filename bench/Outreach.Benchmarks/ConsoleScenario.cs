using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Hosting;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Storage;

namespace Outreach.Benchmarks;

/// <summary>
/// The staff console's pages as a province editor sees them: the gateway as <c>./outreach run</c> runs it (durable private
/// cluster), a province of 60 communes with 30,000 Messenger members and 300 posts, and a signed-in client fetching each page
/// in a closed loop. Measures pages per second, latency and page size. Options: --seconds N per page (default 10),
/// --concurrency 1,8.
/// </summary>
public sealed class ConsoleScenario : ILoadScenario
{
    private const int Communes = 60;
    private const int MembersPerCommune = 500;
    private const int Posts = 300;
    private const string Password = StaffPages.Password;

    public string Name => "console";

    public string Description => "Staff console pages: pages/s, p50/p99 ms and size (--seconds 10 --concurrency 1,8)";

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
        };
        try
        {
            await using var host = await OutreachHost.StartAsync(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(),
                cancellationToken: cancellationToken);
            var postId = await SeedAsync(host.Services.GetRequiredService<OutreachDatabase>().ConnectionString, cancellationToken);
            using var client = await StaffPages.SignInAsync(host.BaseAddress, "bientap", cancellationToken);
            string[] pages = ["/staff", "/staff/posts", $"/staff/posts/{postId}", "/staff/approvals", "/staff/calendar",
                "/staff/posts/new", "/staff/reach", "/staff/reach?period=2026-Q1", "/staff/api/exports/reach.xlsx?period=2026-Q1",
                "/staff/api/exports/reach.csv?period=2026-Q1&table=hoi-vien", "/staff/api/stats/reach?period=2026", "/staff/api/stats/members?period=2026"];
            Console.WriteLine($"Gateway {host.BaseAddress}, {Environment.ProcessorCount} cores, {Communes * MembersPerCommune} members, {Posts} posts, {seconds} s per page and level");
            Console.WriteLine("| page | concurrency | pages/s | p50 ms | p99 ms | max ms | KiB |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var page in pages)
            {
                foreach (var concurrency in levels)
                {
                    await StaffPages.LoopAsync(client, page, concurrency, TimeSpan.FromSeconds(2), cancellationToken); // warm-up, not reported
                    var (count, latencies, bytes) = await StaffPages.LoopAsync(client, page, concurrency, TimeSpan.FromSeconds(seconds),
                        cancellationToken);
                    latencies.Sort();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| `{page}` | {concurrency} | {count / (double)seconds:F0} | {latencies[latencies.Count / 2]:F1} | {latencies[(int)(latencies.Count * 0.99)]:F1} | {latencies[^1]:F1} | {bytes / 1024.0:F1} |"));
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // The province, its communes and members (set-based, as Seed does), an editor at the province, posts in every status.
    private static async Task<long> SeedAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var hash = new StaffPasswords().Hash(Password);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO org_units (level, name) VALUES ('tinh', 'Hội LHPN tỉnh Bench');
            INSERT INTO org_units (parent_id, level, name) SELECT 1, 'xa', 'Hội LHPN xã ' || g FROM generate_series(1, {Communes}) g;
            INSERT INTO staff_users (username, display_name, org_unit_id, role, password_hash) VALUES ('bientap', 'Biên tập', 1, 'admin',
                @hash);
            WITH c AS (
                INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id, last_inbound_at)
                SELECT 'messenger', '1000000000001', 'psid-' || g, 2 + g % {Communes}, now() - interval '1 hour'
                FROM generate_series(1, {Communes * MembersPerCommune}) g
                RETURNING id)
            INSERT INTO subscriptions (contact_id, topic, opted_in_at, source) SELECT id, 'health', now() - interval '30 days',
                'bench' FROM c;
            INSERT INTO posts (org_unit_id, title, body, topic, audience, status, schedule_kind, send_at,
                created_by)
            SELECT 2 + g % {Communes}, 'Bài thử ' || g, repeat('Nội dung thử nghiệm. ', 40), 'health',
                jsonb_build_object('channels', ARRAY['messenger', 'zalo'], 'units', ARRAY[1]),
                   (ARRAY['draft', 'submitted', 'approved', 'scheduled', 'sent'])[1 + g % 5],
                   CASE WHEN g % 5 IN (3, 4) THEN 'once' END, CASE WHEN g % 5 IN (3, 4) THEN now() + g * interval '2 hours' END, 1
            FROM generate_series(1, {Posts}) g;
            ANALYZE;
            SELECT max(id) FROM posts;
            """,
            connection);
        command.Parameters.AddWithValue("hash", hash);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
