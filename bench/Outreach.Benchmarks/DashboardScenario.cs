using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.Content.OrgUnits;
using Outreach.Content.Stats;
using Outreach.Content.Storage;

namespace Outreach.Benchmarks;

/// <summary>
/// The reach dashboard query over ~10 million reach events: seeds a province (communes, chi hội, members, a year of
/// broadcasts and their events) in a durable private cluster, brings the roll-ups up to date with the product's roll-up
/// (timed: events per second), then times <see cref="ReachQuery.ReportAsync"/> for the province, a commune and a chi hội.
/// Options: --contacts 150000 --broadcasts 40 --communes 100 --runs 300.
/// </summary>
public sealed class DashboardScenario : ILoadScenario
{
    public string Name => "dashboard";

    public string Description => "Reach dashboard p50/p99 over ~10M events, and roll-up throughput (--contacts 150000 --broadcasts 40 --runs 300)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var contacts = BenchArgs.Int(args, "--contacts", 150_000);
        var broadcasts = BenchArgs.Int(args, "--broadcasts", 40);
        var communes = BenchArgs.Int(args, "--communes", 100);
        var runs = BenchArgs.Int(args, "--runs", 300);
        var directory = Directory.CreateTempSubdirectory("outreach-bench-pg-").FullName;
        try
        {
            await using var cluster = await LocalPostgres.StartAsync(new LocalPostgresOptions(directory), cancellationToken);
            var connectionString = await cluster.EnsureDatabaseAsync("dashboard", cancellationToken);
            await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(connectionString, cancellationToken);
            await using var db = NpgsqlDataSource.Create(connectionString);

            var seedWatch = Stopwatch.StartNew();
            var (province, commune, chiHoi, events) = await DashboardData.SeedAsync(db, communes, contacts, broadcasts, cancellationToken);
            Console.WriteLine($"Seeded {events:N0} reach events ({contacts:N0} members, {broadcasts} broadcasts, {communes} communes × 5 chi hội) in {seedWatch.Elapsed.TotalSeconds:0} s");

            var rollup = new ReachRollup(db, Options.Create(new ReachOptions { RollupBatchSize = 500_000, RollupMaxBatches = 1 }), TimeProvider.System);
            var rollupWatch = Stopwatch.StartNew();
            var consumed = 0L;
            int batch;
            while ((batch = await rollup.RunAsync(cancellationToken)) > 0)
            {
                consumed += batch;
                Console.Error.Write($"\rrolled up {consumed:N0} events ({rollupWatch.Elapsed.TotalSeconds:0} s)");
            }

            Console.Error.WriteLine();
            Console.WriteLine($"Roll-up: {consumed:N0} events in {rollupWatch.Elapsed.TotalSeconds:0.0} s = {consumed / rollupWatch.Elapsed.TotalSeconds:N0} events/s (batches of 500,000)");
            await using (var connection = await db.OpenConnectionAsync(cancellationToken))
            await using (var analyze = new NpgsqlCommand("ANALYZE; SELECT (SELECT count(*) FROM reach_daily), (SELECT count(*) FROM reach_period_people), (SELECT count(*) FROM reach_firsts)", connection))
            await using (var reader = await analyze.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                Console.WriteLine($"Roll-up rows: reach_daily {reader.GetInt64(0):N0}, reach_period_people {reader.GetInt64(1):N0}, reach_firsts {reader.GetInt64(2):N0}");
            }

            var units = new OrgUnitStore(db);
            var year = (await new ReportPeriodStore(db).FindAsync("2026", cancellationToken))!;
            var query = new ReachQuery(db, rollup);
            Console.WriteLine("| unit | children | broadcasts | runs | p50 ms | p99 ms | max ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (label, id) in new[] { ("province", province), ("commune", commune), ("chi hội", chiHoi) })
            {
                var unit = (await units.FindAsync(id, cancellationToken))!;
                var report = await query.ReportAsync(unit, year, cancellationToken);
                for (var i = 0; i < 20; i++)
                {
                    await query.ReportAsync(unit, year, cancellationToken); // warm-up
                }

                var times = new List<double>(runs);
                for (var i = 0; i < runs; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await query.ReportAsync(unit, year, cancellationToken);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {report.Units.Count} | {report.Broadcasts.Count} | {runs} | {times[runs / 2]:0.0} | {times[(int)(runs * 0.99)]:0.0} | {times[^1]:0.0} |"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

}
