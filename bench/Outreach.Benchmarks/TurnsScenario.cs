using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Hosting;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Storage;
using Outreach.Emulators.Messenger;

namespace Outreach.Benchmarks;

/// <summary>
/// Where a turn's time goes, with replies on: signed webhooks put --backlog questions (one member message each, 1,000
/// members) into the inbox of a live host (turn and send workers on, replies to the Messenger emulator); then, while the
/// workers drain the backlog and nothing else arrives, every database command the process runs is counted (Npgsql's
/// ActivitySource: round trips, their time, grouped by statement) and the server's sessions are sampled every 100 ms
/// (pg_stat_activity: what the workers' backends wait on). Printed: turns per second while draining, round trips and
/// command time per turn, the statements, and the waits.
/// Options: --backlog 3000 --turn-workers 4 --send-workers 4 --timeout 300
/// </summary>
public sealed partial class TurnsScenario : ILoadScenario
{
    private const string Question = "Chị muốn hỏi về vay vốn khởi nghiệp";

    public string Name => "turns";

    public string Description => "turns per second with replies on: round trips, statements and waits per turn (--backlog 3000)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var backlog = BenchArgs.Int(args, "--backlog", 3000);
        var turnWorkers = BenchArgs.Int(args, "--turn-workers", 4);
        var sendWorkers = BenchArgs.Int(args, "--send-workers", 4);
        var timeout = TimeSpan.FromSeconds(BenchArgs.Int(args, "--timeout", 300));
        var directory = Directory.CreateTempSubdirectory("outreach-bench-pg-").FullName;
        await using var emulator = await MessengerEmulator.StartAsync(cancellationToken: cancellationToken);
        for (var member = 0; member < IngestLoadClient.Members; member++)
        {
            emulator.UserInteracted(IngestLoadClient.Psid(member));
        }

        var settings = new Dictionary<string, string?>(emulator.GatewaySettings())
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:LocalPostgres:Directory"] = directory,
            ["Outreach:Scheduler:RunServer"] = "false",
            ["Outreach:Inbox:TurnWorkers"] = turnWorkers.ToString(CultureInfo.InvariantCulture),
            ["Outreach:Inbox:SendWorkers"] = sendWorkers.ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            await using var host = await OutreachHost.StartAsync(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), cancellationToken: cancellationToken);
            await host.Services.GetRequiredService<CurrentKnowledge>().GetAsync(cancellationToken);
            var webhook = new Uri(host.BaseAddress, MessengerWebhookEndpoints.Path);
            var database = host.Services.GetRequiredService<OutreachDatabase>().ConnectionString;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var burst = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, backlog), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
                async (i, ct) => await PostAsync(http, webhook, emulator, IngestLoadClient.Psid(i % IngestLoadClient.Members), ct));
            await using var probe = new NpgsqlConnection(database);
            await probe.OpenAsync(cancellationToken);
            var doneAtStart = await probe.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE status <> 'pending'");
            var repliesAtStart = emulator.Sends.Count(s => s.Accepted);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Environment.ProcessorCount} cores, {turnWorkers} turn and {sendWorkers} send workers; {backlog:N0} questions acked in {burst.Elapsed.TotalSeconds:F1} s, {doneAtStart:N0} turns already done; load average {LoadAverage()}"));

            // From here on only the workers touch the database (and this probe, whose own commands are not counted).
            var commands = new ConcurrentDictionary<string, (long Count, double Milliseconds)>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
                    if (text.Contains("pg_stat_activity", StringComparison.Ordinal) || text.Contains("bench-probe", StringComparison.Ordinal))
                    {
                        return;
                    }

                    commands.AddOrUpdate(Shorten(text), (1, activity.Duration.TotalMilliseconds),
                        (_, v) => (v.Count + 1, v.Milliseconds + activity.Duration.TotalMilliseconds));
                },
            };
            ActivitySource.AddActivityListener(listener);
            var waits = new Dictionary<string, int>();
            var samples = 0;
            var drain = Stopwatch.StartNew();
            long done = doneAtStart;
            while (drain.Elapsed < timeout)
            {
                var rows = await probe.QueryAsync<(string State, string? WaitType, string? Wait)>(
                    """
                    SELECT state, wait_event_type, wait_event FROM pg_stat_activity
                    WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle' -- bench-probe
                    """);
                samples++;
                foreach (var row in rows)
                {
                    var key = row.State == "active" ? (row.WaitType is null ? "running (CPU)" : $"{row.WaitType}: {row.Wait}") : row.State;
                    waits[key] = waits.GetValueOrDefault(key) + 1;
                }

                done = await probe.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE status <> 'pending' -- bench-probe");
                if (done >= backlog)
                {
                    break;
                }

                await Task.Delay(100, cancellationToken);
            }

            var elapsed = drain.Elapsed;
            // The replies of the last turns may still be on their way: wait a little for them, without counting more turns.
            var replyWait = Stopwatch.StartNew();
            while (emulator.Sends.Count(s => s.Accepted) < backlog && replyWait.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100, cancellationToken);
            }

            listener.Dispose();
            var turns = done - doneAtStart;
            var replies = emulator.Sends.Count(s => s.Accepted) - repliesAtStart;
            var total = commands.Values.Sum(v => v.Count);
            var totalMs = commands.Values.Sum(v => v.Milliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Drained {turns:N0} turns in {elapsed.TotalSeconds:F1} s = {turns / elapsed.TotalSeconds:F1} turns/s; {replies:N0} replies sent; load average {LoadAverage()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Database commands (round trips): {total:N0} = {(double)total / turns:F2} per turn; their time {totalMs / turns:F2} ms per turn"));
            Console.WriteLine("| statement | per turn | ms each (mean) |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (text, (count, ms)) in commands.OrderByDescending(kv => kv.Value.Count))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{text}` | {(double)count / turns:F2} | {ms / count:F2} |"));
            }

            Console.WriteLine($"Sessions not idle, sampled {samples} times (mean per sample):");
            foreach (var (key, count) in waits.OrderByDescending(kv => kv.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key}: {(double)count / samples:F2}"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // A statement's first words, without parameters' values: enough to tell the statements apart.
    private static string Shorten(string text)
    {
        var flat = Spaces().Replace(text, " ").Trim();
        return flat.Length <= 90 ? flat : flat[..90] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static async Task PostAsync(HttpClient http, Uri webhook, MessengerEmulator emulator, string psid, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(emulator.Webhook().Message(psid, Question).Build());
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaJson.Sign256(body, emulator.Options.AppSecret));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
