using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Hosting;
using Outreach.Content.Broadcasts;
using Outreach.Content.Stats;

namespace Outreach.Benchmarks;

/// <summary>
/// The outcome writes of a large send, in isolation and in one run: per variant a fresh broadcast of --size Messenger members
/// is planned, every delivery marked "sending" (as the claims leave them), then every outcome ("sent", with a platform id)
/// written in batches by that variant, one batch after the other, as one recorder does. Per variant: wall time, the CPU time
/// of the whole private cluster (every PostgreSQL process, the WAL writer and autovacuum included, read from /proc), the WAL
/// written and the WAL flushes. Then the reach roll-up consumes that variant's events, timed the same way: its share of a
/// large send. Variants alternate within each round so the machine's other load falls on all of them.
/// Options: --size 100000 --rounds 2 --variants 1,2,3,4,5,7,8 (6, COPY, is left out by default: twice the CPU)
/// </summary>
public sealed class OutcomesScenario : ILoadScenario
{
    public string Name => "outcomes";

    public string Description => "outcome writes of a large send and the roll-up's share: before vs options (--size 100000 --rounds 2)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var size = BenchArgs.Int(args, "--size", 100_000);
        var rounds = BenchArgs.Int(args, "--rounds", 2);
        var chosen = BenchArgs.Ints(args, "--variants", "1,2,3,4,5,7,8");
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
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            var bench = await BenchData.CreateAsync(services, cancellationToken);
            var seedWatch = Stopwatch.StartNew();
            var commune = await bench.SeedCommuneAsync(services, size, "outcomes", cancellationToken);
            Console.WriteLine($"seeded {size:N0} members in {seedWatch.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}");

            var variants = new (int No, string Name, int Batch, OutcomeWrites.Write Write, string? Setup, string? Teardown)[]
            {
                (1, "before (b3d4c73): reach_events' foreign keys; BEGIN, SET LOCAL, statement, COMMIT", 64, OutcomeWrites.BeforeAsync, OutcomeWrites.RestoreForeignKeys, OutcomeWrites.DropForeignKeys),
                (2, "foreign keys; one round trip", 64, OutcomeWrites.OneRoundTripAsync, OutcomeWrites.RestoreForeignKeys, OutcomeWrites.DropForeignKeys),
                (3, "statement-level check (0205); BEGIN, SET LOCAL, statement, COMMIT", 64, OutcomeWrites.BeforeAsync, null, null),
                (4, "after: statement-level check (0205); one round trip", 64, OutcomeWrites.OneRoundTripAsync, null, null),
                (5, "after, batches of 256 (a claim's worth)", 256, OutcomeWrites.OneRoundTripAsync, null, null),
                (6, "after, COPY into a temp table + one UPDATE … FROM", 64, OutcomeWrites.CopyAsync, null, null),
                (7, "after, no reach event (its share)", 64, OutcomeWrites.WithoutReachEventAsync, null, null),
                (8, "after, sent_at and platform id not indexed (their share)", 64, OutcomeWrites.OneRoundTripAsync, OutcomeWrites.DropIndexes, OutcomeWrites.RestoreIndexes),
            };
            var rollup = services.GetRequiredService<ReachRollup>();
            Console.WriteLine("| round | variant | batch | outcomes | wall s | cluster CPU s | CPU ms per 1,000 | WAL MB | WAL flushes | roll-up CPU s | roll-up CPU ms per 1,000 | load |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var variant in variants.Where(v => chosen.Contains(v.No)))
                {
                    var post = await bench.ScheduleAsync(services, commune, cancellationToken);
                    var broadcast = await services.GetRequiredService<BroadcastStore>().GetOrCreateAsync(post.Id, post.SendAt!.Value, cancellationToken);
                    List<long> contacts;
                    await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
                    {
                        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
                        {
                            await services.GetRequiredService<AudiencePlanner>().PlanAsync(transaction, broadcast.Id, post, DateTimeOffset.UtcNow, 1000, cancellationToken);
                            await transaction.CommitAsync(cancellationToken);
                        }

                        await connection.ExecuteAsync(new CommandDefinition(
                            "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, updated_at = now() WHERE broadcast_id = @id",
                            new { id = broadcast.Id }, commandTimeout: 0, cancellationToken: cancellationToken));
                        await connection.ExecuteAsync(new CommandDefinition("VACUUM ANALYZE deliveries", commandTimeout: 0, cancellationToken: cancellationToken));
                        if (variant.Setup is { } setup)
                        {
                            await connection.ExecuteAsync(new CommandDefinition(setup, commandTimeout: 0, cancellationToken: cancellationToken));
                        }

                        contacts = (await connection.QueryAsync<long>(new CommandDefinition(
                            "SELECT contact_id FROM deliveries WHERE broadcast_id = @id ORDER BY chunk_no, contact_id",
                            new { id = broadcast.Id }, cancellationToken: cancellationToken))).AsList();
                    }

                    var write = await MeasureAsync(dataSource, async () =>
                    {
                        for (var at = 0; at < contacts.Count; at += variant.Batch)
                        {
                            var batch = contacts.Skip(at).Take(variant.Batch)
                                .Select(id => new DeliveryResult(id, DeliveryStatuses.Sent, PlatformMessageId: OutcomeWrites.PlatformId(id)))
                                .ToList();
                            await variant.Write(dataSource, broadcast.Id, batch, DateTimeOffset.UtcNow);
                        }

                        return contacts.Count;
                    });
                    var load = LoadAverage();
                    if (variant.Teardown is { } teardown)
                    {
                        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                        await connection.ExecuteAsync(new CommandDefinition(teardown, commandTimeout: 0, cancellationToken: cancellationToken));
                    }

                    var rolled = await MeasureAsync(dataSource, async () => await rollup.RunAsync(cancellationToken));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {round} | {variant.Name} | {variant.Batch} | {write.Count:N0} | {write.Wall.TotalSeconds:F2} | {write.Cpu.TotalSeconds:F2} | {PerThousand(write):F1} | {write.WalBytes / 1048576.0:F0} | {write.WalFlushes:N0} | {rolled.Cpu.TotalSeconds:F2} | {PerThousand(rolled):F1} | {load} |"));
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double PerThousand(Run run) => run.Count == 0 ? 0 : run.Cpu.TotalMilliseconds * 1000 / run.Count;

    private static async Task<Run> MeasureAsync(NpgsqlDataSource dataSource, Func<Task<int>> work)
    {
        int postmaster;
        string walBefore;
        long flushesBefore;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("CHECKPOINT;");
            postmaster = ProcessCpu.ParentOf(await connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()"));
            walBefore = await connection.ExecuteScalarAsync<string>("SELECT pg_current_wal_lsn()::text") ?? "0/0";
            flushesBefore = await connection.ExecuteScalarAsync<long>("SELECT wal_sync FROM pg_stat_wal");
        }

        var cpuBefore = ProcessCpu.OfCluster(postmaster);
        var watch = Stopwatch.StartNew();
        var count = await work();
        var wall = watch.Elapsed;
        var cpu = ProcessCpu.OfCluster(postmaster) - cpuBefore;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            var wal = await connection.ExecuteScalarAsync<long>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), @walBefore::pg_lsn)::bigint", new { walBefore });
            var flushes = await connection.ExecuteScalarAsync<long>("SELECT wal_sync FROM pg_stat_wal") - flushesBefore;
            return new Run(count, wall, cpu, wal, flushes);
        }
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private sealed record Run(int Count, TimeSpan Wall, TimeSpan Cpu, long WalBytes, long WalFlushes);
}
