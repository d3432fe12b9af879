using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Hosting;
using Outreach.Content.Broadcasts;
using Outreach.Content.Channels;
using Outreach.Content.Posts;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Benchmarks;

/// <summary>
/// Planning one broadcast for a commune of --size Messenger members (default 1,000,000), in one run, alternating: the
/// planner as it was before issue 17 with its two foreign keys ("before"), the same statements with the foreign keys
/// replaced by migration 0180's statement-level check, and the product's AudiencePlanner ("after"). Each plan runs in its
/// own transaction after a CHECKPOINT and is rolled back (then VACUUM), so every variant meets the same tables; per plan
/// the wall time, the CPU time of the PostgreSQL backend that ran it (less sensitive to the other load on a shared machine)
/// and the WAL it wrote. Last, the product's PlanBroadcastJob once, committed, as a post's send time runs it.
/// Options: --size 1000000 --rounds 2
/// </summary>
public sealed class PlanningScenario : ILoadScenario
{
    public string Name => "planning";

    public string Description => "plan a broadcast of --size members: before issue 17 vs now, wall/CPU/WAL (--size 1000000 --rounds 2)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var size = BenchArgs.Int(args, "--size", 1_000_000);
        var rounds = BenchArgs.Int(args, "--rounds", 2);
        var directory = Directory.CreateTempSubdirectory("outreach-bench-pg-").FullName;
        try
        {
            string[] settings =
            [
                "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--Outreach:LocalPostgres:Directory={directory}",
                "--Outreach:Inbox:RunWorkers=false", "--Outreach:Scheduler:RunServer=false", "--Outreach:Broadcasts:ChunkSize=1000",
            ];
            await using var host = await OutreachHost.StartAsync(settings, cancellationToken: cancellationToken);
            var services = host.Services;
            var bench = await BenchData.CreateAsync(services, cancellationToken);
            var seedWatch = Stopwatch.StartNew();
            var commune = await bench.SeedCommuneAsync(services, size, "plan", cancellationToken);
            Console.WriteLine($"seeded {size:N0} members in {seedWatch.Elapsed.TotalSeconds:F1} s");

            var variants = new (string Name, Func<NpgsqlTransaction, long, Post, Task<(long, long)>> Plan)[]
            {
                ("before: 62e1d22 statements, per-row foreign keys", (t, b, p) => PlanBaselineAsync(services, t, b, p, restoreForeignKeys: true)),
                ("62e1d22 statements, statement-level check (0180)", (t, b, p) => PlanBaselineAsync(services, t, b, p, restoreForeignKeys: false)),
                ("after: AudiencePlanner", async (t, b, p) => await services.GetRequiredService<AudiencePlanner>().PlanAsync(t, b, p, DateTimeOffset.UtcNow, 1000, cancellationToken)),
            };
            Console.WriteLine("| round | variant | queued | wall s | backend CPU s | WAL MB |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|");
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var (name, plan) in variants)
                {
                    var post = await bench.ScheduleAsync(services, commune, cancellationToken);
                    var broadcast = await services.GetRequiredService<BroadcastStore>().GetOrCreateAsync(post.Id, post.SendAt!.Value, cancellationToken);
                    var run = await MeasureAsync(services, async t => await plan(t, broadcast.Id, post), commit: false, cancellationToken);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {round} | {name} | {run.Queued:N0} | {run.Wall.TotalSeconds:F2} | {run.Cpu.TotalSeconds:F2} | {run.WalBytes / 1048576.0:F0} |"));
                }
            }

            var job = await bench.ScheduleAsync(services, commune, cancellationToken);
            var committed = await MeasureAsync(services, async _ =>
            {
                using var scope = services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<PlanBroadcastJob>().RunAsync(job.Id, job.SendAt!.Value, cancellationToken);
                return (0L, 0L);
            }, commit: true, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PlanBroadcastJob, committed: {committed.Wall.TotalSeconds:F2} s, {committed.WalBytes / 1048576.0:F0} MB of WAL (CPU not measured: the job opens its own connection)"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(long Queued, long Skipped)> PlanBaselineAsync(
        IServiceProvider services, NpgsqlTransaction transaction, long broadcastId, Post post, bool restoreForeignKeys)
    {
        var connection = transaction.Connection!;
        if (restoreForeignKeys)
        {
            await connection.ExecuteAsync(PlanningBaseline.RestoreForeignKeys, transaction: transaction);
        }

        var rules = services.GetRequiredService<ChannelCatalog>().All;
        var parameters = new DynamicParameters(new
        {
            now = DateTimeOffset.UtcNow, broadcastId, chunkSize = 1000, topic = post.Topic,
            audienceChannels = post.Audience.Channels.ToArray(), audienceUnits = post.Audience.Units.ToArray(),
            ruleChannels = rules.Select(p => p.Name).ToArray(),
            ruleWindows = rules.Select(p => p.Window?.Length).ToArray(),
            ruleWindowReasons = rules.Select(p => p.Window?.Reason).ToArray(),
            rulePerDay = rules.Select(p => p.Quota?.PerDay).ToArray(),
            rulePer30Days = rules.Select(p => p.Quota?.Per30Days).ToArray(),
            ruleQuotaReasons = rules.Select(p => p.Quota?.Reason).ToArray(),
        });
        var counts = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(PlanningBaseline.Deliveries, parameters, transaction, commandTimeout: 0));
        await connection.ExecuteAsync(new CommandDefinition(PlanningBaseline.Chunks, new { broadcastId }, transaction, commandTimeout: 0));
        return counts;
    }

    /// <summary>One plan in a transaction of its own after a CHECKPOINT: wall time, the backend's CPU time, WAL written.</summary>
    private static async Task<PlanRun> MeasureAsync(
        IServiceProvider services, Func<NpgsqlTransaction, Task<(long Queued, long Skipped)>> plan, bool commit, CancellationToken cancellationToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("CHECKPOINT;");
        var pid = await connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()");
        var walBefore = await connection.ExecuteScalarAsync<string>("SELECT pg_current_wal_lsn()::text");
        var cpuBefore = BackendCpu(pid);
        var watch = Stopwatch.StartNew();
        (long Queued, long Skipped) counts;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            counts = await plan(transaction);
            if (commit)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }

        var wall = watch.Elapsed;
        var cpu = BackendCpu(pid) - cpuBefore;
        var wal = await connection.ExecuteScalarAsync<long>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), @walBefore::pg_lsn)::bigint", new { walBefore });
        if (!commit)
        {
            await connection.ExecuteAsync("VACUUM deliveries, broadcast_chunks", commandTimeout: 0);
        }

        return new PlanRun(counts.Queued, wall, cpu, wal);
    }

    /// <summary>User + system CPU time of a process on this machine (/proc/PID/stat, clock ticks of 10 ms).</summary>
    private static TimeSpan BackendCpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private sealed record PlanRun(long Queued, TimeSpan Wall, TimeSpan Cpu, long WalBytes);
}
