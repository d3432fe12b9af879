using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Hosting;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.ChannelAccounts;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Emulators.Messenger;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Benchmarks;

/// <summary>
/// One broadcast fanned out across many Messenger Pages and Zalo OAs at once (each emulator in its own process; each Page with
/// the gateway's per-Page limit, each OA with its own Zalo app and so its own budget of calls a minute): the sum of
/// throughput against the sum of the accounts' limits, and fairness — whether the small accounts get their share while one
/// big Page holds --big of the members. Every second the finished deliveries per account are read; printed: the whole
/// send's rate, each account's rate over the first --window seconds (while every account still has work) and when it
/// finished against when it could have at its own limit, per account and summed up per group.
/// Options: --pages 50 --oas 10 --members 100000 --big 0.5 --oa-share 0.1 --rate 100 --oa-rpm 3000 --workers 4
/// --concurrency 64 --window 10 (--oas 0: Pages only, as before)
/// </summary>
public sealed class AccountsFanoutScenario : ILoadScenario
{
    public string Name => "fanout-accounts";

    public string Description => "one broadcast across many Pages and OAs: throughput sum, per-account rates, fairness (--pages 50 --oas 10 --members 100000)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var pages = BenchArgs.Int(args, "--pages", 50);
        var oas = BenchArgs.Int(args, "--oas", 10);
        var members = BenchArgs.Int(args, "--members", 100_000);
        var big = double.Parse(BenchArgs.Text(args, "--big", "0.5"), CultureInfo.InvariantCulture);
        var oaShare = oas == 0 ? 0 : double.Parse(BenchArgs.Text(args, "--oa-share", "0.1"), CultureInfo.InvariantCulture);
        var rate = BenchArgs.Int(args, "--rate", 100);
        var oaRpm = BenchArgs.Int(args, "--oa-rpm", 3000);
        var workers = BenchArgs.Int(args, "--workers", 4);
        var concurrency = BenchArgs.Int(args, "--concurrency", 64);
        var window = BenchArgs.Int(args, "--window", 10);
        // The host's broadcast rate for the whole Zalo channel (Outreach:Broadcasts:RatePerSecond:zalo; the product's default
        // is the channel profile's 50/s): unbounded here unless given, so that the OAs' own budgets are what binds.
        var zaloChannelRate = BenchArgs.Text(args, "--zalo-channel-rate", "1000000");
        var directory = Directory.CreateTempSubdirectory("outreach-bench-pg-").FullName;
        await using var emulator = await EmulatorProcess.StartAsync(cancellationToken, "--pages", pages.ToString(CultureInfo.InvariantCulture));
        await using var zalo = oas > 0
            ? await EmulatorProcess.StartScenarioAsync("zalo-emulator", cancellationToken, "--oas", oas.ToString(CultureInfo.InvariantCulture),
                "--rpm", oaRpm.ToString(CultureInfo.InvariantCulture))
            : null;
        var refreshTokens = zalo?.Lines.Where(l => l.StartsWith("TOKEN ", StringComparison.Ordinal)).Select(l => l.Split(' '))
            .ToDictionary(p => p[1], p => p[2]) ?? [];
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
                ["Outreach:Broadcasts:RatePerSecond:zalo"] = zaloChannelRate,
                ["Outreach:Broadcasts:WorkersPerBroadcast"] = workers.ToString(CultureInfo.InvariantCulture),
                ["Outreach:Broadcasts:Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["Outreach:Broadcasts:ChunkSize"] = "1000",
                ["Outreach:Broadcasts:QuietFrom"] = "00:00",
                ["Outreach:Broadcasts:QuietUntil"] = "00:00",
                ["Outreach:Broadcasts:ZaloFrom"] = "00:00",
                ["Outreach:Broadcasts:ZaloUntil"] = "23:59:59",
                ["Outreach:Scheduler:BroadcastWorkerCount"] = "20",
                ["Outreach:Scheduler:QueuePollIntervalMs"] = "200",
            };
            for (var i = 0; i < pages; i++)
            {
                settings[$"Outreach:Messenger:Pages:{i}:PageId"] = BenchPages.Id(i);
                settings[$"Outreach:Messenger:Pages:{i}:AccessToken"] = BenchPages.Token(i);
            }

            if (zalo is not null)
            {
                // OA 0 is the installation's configured OA; the others are added as staff add a commune's own OA, below.
                settings["Outreach:Zalo:AppId"] = BenchOas.AppId(0);
                settings["Outreach:Zalo:AppSecret"] = BenchOas.AppSecret(0);
                settings["Outreach:Zalo:OaSecretKey"] = BenchOas.OaSecretKey(0);
                settings["Outreach:Zalo:OaId"] = BenchOas.Id(0);
                settings["Outreach:Zalo:InitialRefreshToken"] = refreshTokens[BenchOas.Id(0)];
                settings["Outreach:Zalo:OpenApiBaseUrl"] = zalo.BaseAddress.ToString();
                settings["Outreach:Zalo:OAuthBaseUrl"] = zalo.BaseAddress.ToString();
                settings["Outreach:Zalo:RequestsPerMinute"] = oaRpm.ToString(CultureInfo.InvariantCulture);
            }

            await using var host = await OutreachHost.StartAsync(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), cancellationToken: cancellationToken);
            var services = host.Services;
            var bench = await BenchData.CreateAsync(services, cancellationToken);
            var commune = await bench.SeedCommuneAsync(services, members, "accounts", cancellationToken);
            for (var i = 1; i < oas; i++)
            {
                var added = await services.GetRequiredService<ChannelAccountService>().CreateAsync(
                    new StaffSession(bench.Admin, bench.Province),
                    new ChannelAccountRequest("zalo", BenchOas.Id(i), $"OA {i}", commune.Id, BenchOas.AppId(i), BenchOas.AppSecret(i),
                        BenchOas.OaSecretKey(i), RefreshToken: refreshTokens[BenchOas.Id(i)]),
                    cancellationToken);
                if (!added.IsOk)
                {
                    throw new InvalidOperationException($"OA {i} was not added: {added.Refusal}");
                }
            }

            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            var oaCount = (long)(members * oaShare);
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                // The last --oa-share of the members are Zalo members spread evenly over the OAs; of the rest, Page 0 gets the
                // big share and the other Pages share what is left evenly.
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    WITH m AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM contacts WHERE org_unit_id = @unit)
                    UPDATE contacts c
                    SET channel = CASE WHEN m.n > @members - @oaCount THEN 'zalo' ELSE 'messenger' END,
                        account_id = CASE WHEN m.n > @members - @oaCount THEN (@oaBase + m.n % @oas)::text
                                          WHEN m.n <= @bigCount THEN @first ELSE (@base + 1 + m.n % (@pages - 1))::text END
                    FROM m WHERE m.id = c.id
                    """,
                    new
                    {
                        unit = commune.Id, members = (long)members, oaCount, oas = Math.Max(1, oas), oaBase = BenchOas.Base,
                        bigCount = (long)((members - oaCount) * big), first = BenchPages.Id(0), @base = BenchPages.Base, pages,
                    },
                    commandTimeout: 0,
                    cancellationToken: cancellationToken));
                await connection.ExecuteAsync("ANALYZE contacts");
            }

            var counts = await CountsAsync(dataSource, "SELECT channel || ':' || account_id, count(*)::int FROM contacts WHERE org_unit_id = @unit GROUP BY 1", new { unit = commune.Id });
            var post = await bench.ScheduleAsync(services, commune, cancellationToken, oas > 0 ? ["messenger", "zalo"] : ["messenger"]);
            var watch = Stopwatch.StartNew();
            using (var scope = services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<PlanBroadcastJob>().RunAsync(post.Id, post.SendAt!.Value, cancellationToken);
            }

            var plan = watch.Elapsed;
            var broadcastId = await ScalarAsync(dataSource, "SELECT id FROM broadcasts WHERE post_id = @id", new { id = post.Id });
            var done = new Dictionary<string, TimeSpan>();
            var atWindow = new Dictionary<string, int>();
            var last = new Dictionary<string, int>();
            var sendWatch = Stopwatch.StartNew();
            while (done.Count < counts.Count)
            {
                await Task.Delay(1000, cancellationToken);
                last = await CountsAsync(dataSource,
                    "SELECT c.channel || ':' || c.account_id, count(*)::int FROM deliveries d JOIN contacts c ON c.id = d.contact_id WHERE d.broadcast_id = @b AND d.status IN ('sent', 'failed', 'skipped', 'unknown', 'cancelled') GROUP BY 1",
                    new { b = broadcastId });
                if (atWindow.Count == 0 && sendWatch.Elapsed.TotalSeconds >= window)
                {
                    foreach (var (account, count) in last)
                    {
                        atWindow[account] = count;
                    }

                    atWindow.TryAdd("", 0);
                }

                foreach (var (account, count) in last)
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
            var bigPage = "messenger:" + BenchPages.Id(0);
            double Rate(string account) => atWindow.GetValueOrDefault(account) / (double)window;
            double Limit(string account) => account.StartsWith("zalo:", StringComparison.Ordinal) ? oaRpm / 60.0 : rate;
            var notSent = await ScalarAsync(dataSource, "SELECT count(*) FROM deliveries WHERE broadcast_id = @id AND status <> 'sent'", new { id = broadcastId });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
                {{pages}} Pages at {{rate}}/s each, {{oas}} OAs at {{oaRpm}}/min each (own app each); {{members:N0}} members: Page 0 {{counts[bigPage]:N0}}, {{oaCount:N0}} on OAs; {{workers}} workers × {{concurrency}}; load average {{File.ReadAllText("/proc/loadavg").Split(' ')[0]}}
                plan {{plan.TotalSeconds:F1}} s, send {{total.TotalSeconds:F1}} s, {{members / total.TotalSeconds:F0}} msgs/s overall; not "sent": {{notSent}}
                """));
            Console.WriteLine($"| group | accounts | members each | first {window} s msgs/s min / median / max | sum | Jain | done s median / last | at own limit s |");
            Console.WriteLine("|---|---:|---:|---|---:|---:|---|---:|");
            var groups = new (string Name, List<string> Accounts)[]
            {
                ("Page 0 (big)", [bigPage]),
                ("other Pages", counts.Keys.Where(a => a.StartsWith("messenger:", StringComparison.Ordinal) && a != bigPage).ToList()),
                ("OAs", counts.Keys.Where(a => a.StartsWith("zalo:", StringComparison.Ordinal)).ToList()),
                ("all", counts.Keys.ToList()),
            };
            foreach (var (name, accounts) in groups.Where(g => g.Accounts.Count > 0))
            {
                var rates = accounts.Select(Rate).Order().ToList();
                var finished = accounts.Select(a => done.GetValueOrDefault(a, total).TotalSeconds).Order().ToList();
                var jain = rates.Sum() == 0 ? 0 : Math.Pow(rates.Sum(), 2) / (rates.Count * rates.Sum(r => r * r));
                var sizes = accounts.Select(a => counts[a]).ToList();
                var atLimit = accounts.Max(a => LimitSeconds(counts[a], Limit(a), a.StartsWith("zalo:", StringComparison.Ordinal) ? oaRpm : 0));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {accounts.Count} | {sizes.Min():N0}–{sizes.Max():N0} | {rates[0]:F0} / {rates[rates.Count / 2]:F0} / {rates[^1]:F0} | {rates.Sum():F0} | {jain:F2} | {finished[finished.Count / 2]:F0} / {finished[^1]:F0} | {atLimit:F0} |"));
            }

            Console.WriteLine($"Per account (first {window} s, then done):");
            foreach (var account in counts.Keys.Order(StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {account}: {counts[account]:N0} members, {Rate(account):F0}/s (limit {Limit(account):F0}/s), done {done.GetValueOrDefault(account, total).TotalSeconds:F0} s"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // How long an account's members take at its own limit: a Page's per second; an OA's per minute, of which the gateway's
    // budget (ZaloRateLimiter, a sliding minute per app) lets the first minute's calls go at once.
    private static double LimitSeconds(int members, double perSecond, int perMinute) =>
        perMinute > 0 ? (members <= perMinute ? 0 : Math.Ceiling((members - perMinute) / (double)perMinute) * 60) : members / perSecond;

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
