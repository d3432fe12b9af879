using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Hosting;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Emulators.Messenger;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Benchmarks;

/// <summary>
/// One broadcast fanned out across many Messenger Pages at once (the Messenger emulator in its own process, each Page with
/// the gateway's own per-Page limit): the sum of throughput against the sum of the Pages' limits, and fairness — whether
/// the small Pages get their share while one big Page holds --big of the members. Every second the sent count per Page is
/// read; printed: the whole send's rate, each group's rate over the first --window seconds (while every Page still has
/// work), and when each group finished against when it could have at its own limit.
/// Options: --pages 50 --members 100000 --big 0.5 --rate 100 --workers 4 --concurrency 64 --window 10
/// </summary>
public sealed class AccountsFanoutScenario : ILoadScenario
{
    public string Name => "fanout-accounts";

    public string Description => "one broadcast across many Pages: throughput sum and fairness (--pages 50 --members 100000 --big 0.5 --rate 100)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var pages = BenchArgs.Int(args, "--pages", 50);
        var members = BenchArgs.Int(args, "--members", 100_000);
        var big = double.Parse(BenchArgs.Text(args, "--big", "0.5"), CultureInfo.InvariantCulture);
        var rate = BenchArgs.Int(args, "--rate", 100);
        var workers = BenchArgs.Int(args, "--workers", 4);
        var concurrency = BenchArgs.Int(args, "--concurrency", 64);
        var window = BenchArgs.Int(args, "--window", 10);
        var directory = Directory.CreateTempSubdirectory("outreach-bench-pg-").FullName;
        await using var emulator = await EmulatorProcess.StartAsync(cancellationToken, "--pages", pages.ToString(CultureInfo.InvariantCulture));
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Outreach:LocalPostgres:Directory"] = directory,
                ["Outreach:Inbox:RunWorkers"] = "false",
                ["Outreach:Messenger:AppSecret"] = MessengerEmulatorOptions.DefaultAppSecret,
                ["Outreach:Messenger:VerifyToken"] = "bench",
                ["Outreach:Messenger:GraphBaseUrl"] = emulator.BaseAddress.ToString(),
                ["Outreach:Messenger:SendsPerSecondPerPage"] = rate.ToString(CultureInfo.InvariantCulture),
                ["Outreach:Broadcasts:RatePerSecond:messenger"] = "1000000",
                ["Outreach:Broadcasts:WorkersPerBroadcast"] = workers.ToString(CultureInfo.InvariantCulture),
                ["Outreach:Broadcasts:Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["Outreach:Broadcasts:ChunkSize"] = "1000",
                ["Outreach:Broadcasts:QuietFrom"] = "00:00",
                ["Outreach:Broadcasts:QuietUntil"] = "00:00",
                ["Outreach:Scheduler:BroadcastWorkerCount"] = "20",
                ["Outreach:Scheduler:QueuePollIntervalMs"] = "200",
            };
            for (var i = 0; i < pages; i++)
            {
                settings[$"Outreach:Messenger:Pages:{i}:PageId"] = BenchPages.Id(i);
                settings[$"Outreach:Messenger:Pages:{i}:AccessToken"] = BenchPages.Token(i);
            }

            await using var host = await OutreachHost.StartAsync(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), cancellationToken: cancellationToken);
            var services = host.Services;
            var bench = await BenchData.CreateAsync(services, cancellationToken);
            var commune = await bench.SeedCommuneAsync(services, members, "accounts", cancellationToken);
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                // Page 0 gets the big share; the others share the rest evenly.
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    WITH m AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM contacts WHERE org_unit_id = @unit)
                    UPDATE contacts c SET account_id = CASE WHEN m.n <= @bigCount THEN @first ELSE (@base + 1 + m.n % (@pages - 1))::text END
                    FROM m WHERE m.id = c.id
                    """,
                    new { unit = commune.Id, bigCount = (long)(members * big), first = BenchPages.Id(0), @base = BenchPages.Base, pages },
                    commandTimeout: 0,
                    cancellationToken: cancellationToken));
            }

            var counts = await CountsAsync(dataSource, "SELECT account_id, count(*)::int FROM contacts WHERE org_unit_id = @unit GROUP BY 1", new { unit = commune.Id });
            var post = await bench.ScheduleAsync(services, commune, cancellationToken);
            var watch = Stopwatch.StartNew();
            using (var scope = services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<PlanBroadcastJob>().RunAsync(post.Id, post.SendAt!.Value, cancellationToken);
            }

            var plan = watch.Elapsed;
            var broadcastId = await ScalarAsync(dataSource, "SELECT id FROM broadcasts WHERE post_id = @id", new { id = post.Id });
            var done = new Dictionary<string, TimeSpan>();
            var atWindow = new Dictionary<string, int>();
            var sendWatch = Stopwatch.StartNew();
            while (done.Count < counts.Count)
            {
                await Task.Delay(1000, cancellationToken);
                var sent = await CountsAsync(dataSource,
                    "SELECT c.account_id, count(*)::int FROM deliveries d JOIN contacts c ON c.id = d.contact_id WHERE d.broadcast_id = @b AND d.status IN ('sent', 'failed', 'skipped', 'unknown', 'cancelled') GROUP BY 1",
                    new { b = broadcastId });
                if (atWindow.Count == 0 && sendWatch.Elapsed.TotalSeconds >= window)
                {
                    foreach (var (account, count) in sent)
                    {
                        atWindow[account] = count;
                    }

                    atWindow.TryAdd("", 0);
                }

                foreach (var (account, count) in sent)
                {
                    if (count >= counts[account] && !done.ContainsKey(account))
                    {
                        done[account] = sendWatch.Elapsed;
                    }
                }

                if (sendWatch.Elapsed > TimeSpan.FromMinutes(30))
                {
                    Console.WriteLine("warning: stopped waiting after 30 minutes");
                    break;
                }
            }

            var total = sendWatch.Elapsed;
            var small = counts.Keys.Where(a => a != BenchPages.Id(0)).ToList();
            double Rate(string account) => atWindow.GetValueOrDefault(account) / (double)window;
            var smallRates = small.Select(Rate).Order().ToList();
            var allRates = counts.Keys.Select(Rate).ToList();
            var jain = Math.Pow(allRates.Sum(), 2) / (allRates.Count * allRates.Sum(r => r * r));
            var smallDone = small.Select(a => done.GetValueOrDefault(a, total).TotalSeconds).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
                {{pages}} Pages at {{rate}}/s each (sum of limits {{pages * rate}}/s), {{members:N0}} members, Page 0 holds {{counts[BenchPages.Id(0)]:N0}}, the others {{counts[small[0]]:N0}}–{{small.Max(a => counts[a]):N0}} each; {{workers}} workers × {{concurrency}}
                plan {{plan.TotalSeconds:F1}} s, send {{total.TotalSeconds:F1}} s, {{members / total.TotalSeconds:F0}} msgs/s overall
                first {{window}} s: Page 0 {{Rate(BenchPages.Id(0)):F0}}/s; small Pages min {{smallRates[0]:F0}} / median {{smallRates[smallRates.Count / 2]:F0}} / max {{smallRates[^1]:F0}} msgs/s, sum {{smallRates.Sum():F0}}/s; Jain's fairness over all Pages {{jain:F2}}
                finished: Page 0 after {{done.GetValueOrDefault(BenchPages.Id(0), total).TotalSeconds:F0}} s (alone at its limit: {{counts[BenchPages.Id(0)] / (double)rate:F0}} s); small Pages median {{smallDone[smallDone.Count / 2]:F0}} s, last {{smallDone[^1]:F0}} s (at their limit: {{small.Max(a => counts[a]) / (double)rate:F0}} s)
                """));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, object parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    private static async Task<Dictionary<string, int>> CountsAsync(NpgsqlDataSource dataSource, string sql, object parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string Account, int Count)>(sql, parameters)).ToDictionary(r => r.Account, r => r.Count);
    }
}
