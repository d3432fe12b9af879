using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Hosting;
using Outreach.Content.Storage;
using Outreach.Emulators.Messenger;

namespace Outreach.Benchmarks;

/// <summary>
/// Messenger webhook ingest: signed webhooks (one member message each, as Meta sends them) posted to the real gateway on loopback,
/// which checks the signature, stores the event in PostgreSQL and answers 200. Measures acks per second and ack latency at
/// several concurrency levels. The gateway runs as <c>./outreach run</c> does: its own durable private cluster (fsync on).
/// Options: --seconds N (default 30), --concurrency 1,8,32, --workers off|on (on: turns and replies run too, against the emulator).
/// </summary>
public sealed class IngestScenario : ILoadScenario
{
    public string Name => "ingest";

    public string Description => "Messenger webhook ingest: req/s and ack p50/p99 (--seconds 30 --concurrency 1,8,32 --workers off|on)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = BenchArgs.Int(args, "--seconds", 30);
        var levels = BenchArgs.Ints(args, "--concurrency", "1,8,32");
        var workers = BenchArgs.Text(args, "--workers", "off") == "on";
        var directory = Directory.CreateTempSubdirectory("outreach-bench-pg-").FullName;
        await using var emulator = await MessengerEmulator.StartAsync(cancellationToken: cancellationToken);
        for (var member = 0; member < IngestLoadClient.Members; member++)
        {
            emulator.UserInteracted(IngestLoadClient.Psid(member)); // their window is open, so replies (workers on) are accepted
        }

        var settings = new Dictionary<string, string?>(emulator.GatewaySettings())
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:LocalPostgres:Directory"] = directory,
            ["Outreach:Inbox:RunWorkers"] = workers ? "true" : "false",
            ["Outreach:Scheduler:RunServer"] = "false",
        };
        try
        {
            await using var host = await OutreachHost.StartAsync(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), cancellationToken: cancellationToken);
            var webhook = new Uri(host.BaseAddress, MessengerWebhookEndpoints.Path);
            Console.WriteLine($"Gateway {host.BaseAddress}, {Environment.ProcessorCount} cores, workers {(workers ? "on" : "off")}, {seconds} s per level");
            Console.WriteLine("| concurrency | workers | acks | req/s | p50 ms | p99 ms | max ms | not 200 |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|");
            foreach (var concurrency in levels)
            {
                var client = new IngestLoadClient(webhook, emulator, concurrency);
                await client.RunAsync(TimeSpan.FromSeconds(3), cancellationToken); // warm-up, not reported
                var result = await client.RunAsync(TimeSpan.FromSeconds(seconds), cancellationToken);
                Console.WriteLine(result.ToMarkdownRow(workers));
            }

            var database = host.Services.GetRequiredService<OutreachDatabase>().ConnectionString;
            Console.WriteLine($"Inbox rows stored: {await CountAsync(database, "SELECT count(*) FROM inbox_events", cancellationToken)} " +
                $"(every acked event, warm-ups included); turns done by the end: {await CountAsync(database, "SELECT count(*) FROM inbox_events WHERE status <> 'pending'", cancellationToken)}; " +
                $"replies sent: {emulator.Sends.Count(s => s.Accepted)}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

}
