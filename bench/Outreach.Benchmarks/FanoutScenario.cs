using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Hosting;
using Outreach.Content.Broadcasts;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Content.Staff;
using Outreach.Content.Storage;
using Outreach.Emulators.Messenger;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Benchmarks;

/// <summary>
/// Broadcast fan-out to the Messenger emulator (a separate process), in one run: the bare HttpClient ceiling, the naive
/// one-Hangfire-job-per-recipient design on 10k, and the real fan-out on 10k and 1M recipients with its rate and peak memory.
/// The gateway runs in this process as ./outreach run does (durable private PostgreSQL), its Hangfire server included.
/// Options: --sizes 10000,1000000 --naive 10000 --concurrency 64 --workers 8 --prepare true|false (Outreach:Broadcasts:PrepareStatements;
/// omitted: the gateway's default) --census true|false (log every statement for 2 s mid-send and count the transactions by kind,
/// sample the allocations by type; default false: it costs the run a little) --poll-ms 200 (Outreach:Scheduler:QueuePollIntervalMs:
/// how often Hangfire's idle workers poll their queues; 200 in every row before perf17g, the gateway's default is 1000)
/// </summary>
public sealed class FanoutScenario : ILoadScenario
{
    public string Name => "fanout";

    public string Description => "broadcast fan-out vs raw HttpClient and one-job-per-recipient (--sizes 10000,1000000 --naive 10000)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var sizes = BenchArgs.Ints(args, "--sizes", "10000,1000000");
        var naive = BenchArgs.Int(args, "--naive", 10000);
        var workers = BenchArgs.Int(args, "--workers", 8);
        var concurrency = BenchArgs.Int(args, "--concurrency", 8);
        var prepare = BenchArgs.Text(args, "--prepare", "");
        var census = BenchArgs.Text(args, "--census", "false") == "true";
        var pollMs = BenchArgs.Int(args, "--poll-ms", 200);
        var directory = Directory.CreateTempSubdirectory("outreach-bench-pg-").FullName;
        await using var emulator = await EmulatorProcess.StartAsync(cancellationToken);
        try
        {
            var firstMeter = CpuMeter.Start(emulator.Pid, postmaster: null);
            var raw = await RawSendLoop.MeasureAsync(
                emulator.BaseAddress, MessengerEmulatorOptions.DefaultPageToken, workers * concurrency, TimeSpan.FromSeconds(15), cancellationToken);
            Console.WriteLine($"raw HttpClient loop, {workers * concurrency} in flight: {raw:F0} msgs/s");
            Console.WriteLine(firstMeter.Stop("raw loop (first)", raw * 15));

            await using var host = await OutreachHost.StartAsync(Settings(emulator.BaseAddress, directory, workers, concurrency, prepare, pollMs), cancellationToken: cancellationToken);
            var postmaster = await PostmasterAsync(host.Services, cancellationToken);
            Console.WriteLine($"Hangfire's queue poll (Outreach:Scheduler:QueuePollIntervalMs): {pollMs} ms");
            Console.WriteLine($"workers' statements prepared (Outreach:Broadcasts:PrepareStatements): {host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BroadcastOptions>>().Value.PrepareStatements}");
            var senderMeter = CpuMeter.Start(emulator.Pid, postmaster);
            var senderRate = await SenderLoop.MeasureAsync(host.Services, workers * concurrency, TimeSpan.FromSeconds(10), cancellationToken);
            var senderLine = senderMeter.Stop("sender loop (no database)", senderRate * 10);
            Console.WriteLine($"the gateway's Messenger sender in a loop, no database, {workers * concurrency} in flight: {senderRate:F0} msgs/s");
            var bench = await BenchData.CreateAsync(host.Services, cancellationToken);
            var naiveRate = await RunNaiveAsync(host.Services, bench, naive, cancellationToken);
            Console.WriteLine($"naive, one Hangfire job per recipient, {naive:N0}: {naiveRate:F0} msgs/s");

            // What the gateway and PostgreSQL spend with nothing to send (Hangfire's idle workers polling their queues every
            // QueuePollIntervalMs, the roll-up and metrics jobs, the samplers): a cost per second, not per message.
            var idleCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var idleCluster = ProcessCpu.OfCluster(postmaster);
            var idleCommits = await CommitsAsync(host.Services, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            var idleGateway = (Process.GetCurrentProcess().TotalProcessorTime - idleCpu).TotalMilliseconds / 10;
            var idlePostgres = (ProcessCpu.OfCluster(postmaster) - idleCluster).TotalMilliseconds / 10;
            var idleCommitsPerSecond = (await CommitsAsync(host.Services, cancellationToken) - idleCommits) / 10.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"idle for 10 s: the gateway {idleGateway:F1} ms of CPU a second, PostgreSQL {idlePostgres:F1}, {idleCommitsPerSecond:F1} commits a second"));

            // On a shared machine the load moves within minutes: the raw loop is measured again just before each size's send (10 s),
            // and "% of raw" compares the send with that ("% of first raw": with the one at the start, as before issue 17's
            // fan-out leftovers). Per message: the process's CPU time and the bytes allocated during the send; "live MB": the
            // managed heap after a full collection once the send is done (what the process keeps, against the peak's garbage).
            Console.WriteLine("| recipients | raw just before msgs/s | plan s | send s | msgs/s | % of raw | % of first raw | × naive | peak working set MB | peak managed heap MB | live MB after | CPU µs/msg | KB allocated/msg | load |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            var cpuLines = new List<string>();
            foreach (var size in sizes)
            {
                var rawMeter = CpuMeter.Start(emulator.Pid, postmaster);
                var rawNow = await RawSendLoop.MeasureAsync(
                    emulator.BaseAddress, MessengerEmulatorOptions.DefaultPageToken, workers * concurrency, TimeSpan.FromSeconds(10), cancellationToken);
                cpuLines.Add(rawMeter.Stop($"raw loop before {size:N0}", rawNow * 10));
                var loadBefore = LoadAverage();
                var run = await RunFanoutAsync(host.Services, bench, size, emulator.Pid, postmaster, census ? directory : null, cancellationToken);
                cpuLines.Add(run.CpuLine);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size:N0} | {rawNow:F0} | {run.Plan.TotalSeconds:F1} | {run.Send.TotalSeconds:F1} | {run.Rate:F0} | {run.Rate / rawNow * 100:F0}% | {run.Rate / raw * 100:F0}% | {run.Rate / naiveRate:F1} | {run.PeakWorkingSet / 1048576.0:F0} | {run.PeakManaged / 1048576.0:F0} | {run.LiveAfter / 1048576.0:F0} | {run.CpuPerMessage.TotalMicroseconds:F1} | {run.AllocatedPerMessage / 1024.0:F1} | {loadBefore}–{LoadAverage()} |"));
            }

            // The sender loop again, warm: the one after start-up also pays for the JIT and the host's start-up work.
            var warmMeter = CpuMeter.Start(emulator.Pid, postmaster);
            using var warmAllocations = census ? new AllocationSampler() : null;
            warmAllocations?.Start();
            var warmAllocatedBefore = GC.GetTotalAllocatedBytes();
            var warmRate = await SenderLoop.MeasureAsync(host.Services, workers * concurrency, TimeSpan.FromSeconds(10), cancellationToken);
            var warmAllocated = GC.GetTotalAllocatedBytes() - warmAllocatedBefore;
            warmAllocations?.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the warm sender loop allocated {warmAllocated / 1024.0 / Math.Max(1, warmRate * 10):F1} KB a message"));
            foreach (var line in warmAllocations?.Top(15, warmRate * 10) ?? [])
            {
                Console.WriteLine(line);
            }

            cpuLines.Add(warmMeter.Stop("sender loop again, warm (no database)", warmRate * 10));
            Console.WriteLine($"the gateway's Messenger sender in a loop again, warm: {warmRate:F0} msgs/s");

            // Where each message's CPU goes, per process, measured over the same window (/proc): this process (the gateway, or the
            // raw loop's client), the emulator, the whole PostgreSQL cluster; and the database's commits per 1,000 messages.
            Console.WriteLine();
            Console.WriteLine("| window | messages | this process µs/msg | emulator µs/msg | PostgreSQL µs/msg | all three µs/msg | commits per 1,000 msgs |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(senderLine);
            foreach (var line in cpuLines)
            {
                Console.WriteLine(line);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Settings(Uri emulator, string directory, int workers, int concurrency, string prepare, int pollMs) =>
        new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:LocalPostgres:Directory"] = directory,
            ["Outreach:Inbox:RunWorkers"] = "false",
            ["Outreach:Messenger:AppSecret"] = MessengerEmulatorOptions.DefaultAppSecret,
            ["Outreach:Messenger:VerifyToken"] = "bench",
            ["Outreach:Messenger:GraphBaseUrl"] = emulator.ToString(),
            ["Outreach:Messenger:Pages:0:PageId"] = MessengerEmulatorOptions.DefaultPageId,
            ["Outreach:Messenger:Pages:0:AccessToken"] = MessengerEmulatorOptions.DefaultPageToken,
            ["Outreach:Messenger:SendsPerSecondPerPage"] = "100000",
            ["Outreach:Broadcasts:RatePerSecond:messenger"] = "1000000",
            ["Outreach:Broadcasts:WorkersPerBroadcast"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Outreach:Broadcasts:Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Outreach:Broadcasts:ChunkSize"] = "1000",
            ["Outreach:Scheduler:BroadcastWorkerCount"] = "20",
            ["Outreach:Scheduler:QueuePollIntervalMs"] = pollMs.ToString(CultureInfo.InvariantCulture),
            ["Outreach:Broadcasts:PrepareStatements"] = prepare.Length == 0 ? null : prepare,
        }.Where(kv => kv.Value is not null).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();

    private static async Task<double> RunNaiveAsync(IServiceProvider services, BenchData bench, int count, CancellationToken cancellationToken)
    {
        var (broadcastId, _) = await bench.PlanAsync(services, count, "naive", cancellationToken);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var contacts = (await connection.QueryAsync<long>("SELECT contact_id FROM deliveries WHERE broadcast_id = @broadcastId", new { broadcastId })).AsList();
        var jobs = services.GetRequiredService<IBackgroundJobClient>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var contactId in contacts)
        {
            jobs.Enqueue<NaiveSendJob>(j => j.RunAsync(broadcastId, contactId, CancellationToken.None));
        }

        await WaitAsync(dataSource, $"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcastId} AND status = 'queued'", cancellationToken);
        return contacts.Count / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<FanoutRun> RunFanoutAsync(
        IServiceProvider services, BenchData bench, int size, int emulatorPid, int postmaster, string? censusDirectory, CancellationToken cancellationToken)
    {
        // The members are seeded first: "plan s" is the planning job alone (before issue 17 it included the seeding).
        var commune = await bench.SeedCommuneAsync(services, size, "fanout", cancellationToken);
        var post = await bench.ScheduleAsync(services, commune, cancellationToken);
        var postId = post.Id;
        GC.Collect();
        using var sampler = new MemorySampler();
        var planWatch = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanBroadcastJob>().RunAsync(post.Id, post.SendAt!.Value, cancellationToken);
        }

        var plan = planWatch.Elapsed;
        var sendWatch = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var meter = CpuMeter.Start(emulatorPid, postmaster);
        var commitsBefore = await CommitsAsync(services, cancellationToken);
        var tablesBefore = await TransactionCensus.TableWritesAsync(services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
        // Mid-send (3 s in, 2 s long: the send of 100,000 takes 8–15 s here), every statement of the cluster is logged.
        using var censusStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var censusWindow = censusDirectory is null
            ? null
            : TransactionCensus.LogWindowAsync(services.GetRequiredService<NpgsqlDataSource>(), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), censusStop.Token);
        // The process's database commands during the send, by statement (Npgsql's ActivitySource; the bench's own polls included).
        var commands = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
                commands.AddOrUpdate(text, 1, (_, n) => n + 1);
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var allocations = censusDirectory is null ? null : new AllocationSampler();
        allocations?.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        long broadcastId;
        await using (var read = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            broadcastId = await read.ExecuteScalarAsync<long>("SELECT id FROM broadcasts WHERE post_id = @postId", new { postId });
        }

        await WaitAsync(dataSource, $"SELECT count(*) FROM broadcasts WHERE id = {broadcastId} AND status <> 'completed'", cancellationToken);
        var send = sendWatch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var commits = await CommitsAsync(services, cancellationToken) - commitsBefore;
        var tablesAfter = await TransactionCensus.TableWritesAsync(services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
        listener.Dispose();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        allocations?.Stop();
        var live = GC.GetTotalMemory(forceFullCollection: true);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var sent = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deliveries WHERE broadcast_id = @broadcastId AND status = 'sent'", new { broadcastId });
        if (sent != size)
        {
            Console.WriteLine($"warning: {sent:N0} of {size:N0} sent (post {postId})");
        }

        var cpuLine = meter.Stop($"fan-out {size:N0}", sent, commits);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database commands during the send of {size:N0}, per 1,000 messages:"));
        foreach (var (text, count) in commands
                     .GroupBy(kv => Shorten(kv.Key), kv => kv.Value)
                     .Select(g => (Text: g.Key, Count: g.Sum()))
                     .OrderByDescending(c => c.Count)
                     .Take(12))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count * 1000.0 / Math.Max(1, sent),8:F2}  {text}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {commands.Values.Sum() * 1000.0 / Math.Max(1, sent),8:F2}  all of this process's commands ({commands.Count} distinct)"));
        foreach (var line in TransactionCensus.TableWrites(tablesBefore, tablesAfter, sent))
        {
            Console.WriteLine(line);
        }

        foreach (var line in allocations?.Top(15, sent) ?? [])
        {
            Console.WriteLine(line);
        }

        if (censusWindow is not null)
        {
            try
            {
                var (from, to) = await censusWindow;
                if (to - from < send)
                {
                    foreach (var line in TransactionCensus.Read(Path.Combine(censusDirectory!, "postgres.log"), sent / send.TotalSeconds * (to - from).TotalSeconds))
                    {
                        Console.WriteLine(line);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        return new FanoutRun(
            plan, send, sent / send.TotalSeconds, sampler.PeakWorkingSet, sampler.PeakManaged, live, cpu / Math.Max(1, sent), allocated / (double)Math.Max(1, sent), cpuLine);
    }

    private static async Task WaitAsync(NpgsqlDataSource dataSource, string remainingSql, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                if (await connection.ExecuteScalarAsync<long>(remainingSql) == 0)
                {
                    return;
                }
            }

            await Task.Delay(100, cancellationToken);
        }
    }


    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 80 ? flat : flat[..80] + "…";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed record FanoutRun(
        TimeSpan Plan, TimeSpan Send, double Rate, long PeakWorkingSet, long PeakManaged, long LiveAfter, TimeSpan CpuPerMessage, double AllocatedPerMessage,
        string CpuLine);

    private static async Task<int> PostmasterAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        return ProcessCpu.ParentOf(await connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()"));
    }

    // Transactions committed in the database since the cluster started (every round trip outside a transaction is one).
    private static async Task<long> CommitsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    }

    /// <summary>CPU time of this process, the emulator and the PostgreSQL cluster over a window, per message.</summary>
    private sealed class CpuMeter
    {
        private readonly int _emulator;
        private readonly int? _postmaster;
        private readonly TimeSpan _self;
        private readonly TimeSpan _emulatorCpu;
        private readonly TimeSpan _cluster;

        private CpuMeter(int emulator, int? postmaster)
        {
            _emulator = emulator;
            _postmaster = postmaster;
            _self = Process.GetCurrentProcess().TotalProcessorTime;
            _emulatorCpu = ProcessCpu.Of(emulator);
            _cluster = postmaster is { } pm ? ProcessCpu.OfCluster(pm) : TimeSpan.Zero;
        }

        public static CpuMeter Start(int emulator, int? postmaster) => new(emulator, postmaster);

        public string Stop(string window, double messages, long? commits = null)
        {
            var self = Process.GetCurrentProcess().TotalProcessorTime - _self;
            var emulator = ProcessCpu.Of(_emulator) - _emulatorCpu;
            var cluster = _postmaster is { } pm ? ProcessCpu.OfCluster(pm) - _cluster : TimeSpan.Zero;
            var n = Math.Max(1, messages);
            return string.Create(CultureInfo.InvariantCulture,
                $"| {window} | {messages:N0} | {self.TotalMicroseconds / n:F1} | {emulator.TotalMicroseconds / n:F1} | {(_postmaster is null ? "–" : (cluster.TotalMicroseconds / n).ToString("F1", CultureInfo.InvariantCulture))} | {(self + emulator + cluster).TotalMicroseconds / n:F1} | {(commits is { } c ? (c * 1000.0 / n).ToString("F1", CultureInfo.InvariantCulture) : "–")} |");
        }
    }
}
