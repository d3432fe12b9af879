using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Hosting;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Storage;
using Outreach.Emulators.Messenger;

namespace Outreach.Benchmarks;

/// <summary>
/// The crisis lane under a burst: signed Messenger webhooks put <c>--backlog</c> ordinary questions (default 10,000) into
/// the inbox of a running gateway (turns and replies on, as a live host), then crisis messages arrive one at a time; each
/// one's time is measured from its webhook's 200 to its reply reaching the Send API (the emulator). Last, one ordinary
/// question is timed the same way: what a crisis message would wait without the lane. Options: --backlog N, --crisis N (5),
/// --baseline-timeout S (300).
/// </summary>
public sealed class CrisisLaneScenario : ILoadScenario
{
    private const string Question = "Chị muốn hỏi về vay vốn khởi nghiệp";
    private const string Crisis = "cứu em với, chồng em đang đánh em";

    public string Name => "crisis-lane";

    public string Description => "Crisis reply time behind a backlog of inbox events (--backlog 10000 --crisis 5 --baseline-timeout 300)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var backlog = BenchArgs.Int(args, "--backlog", 10_000);
        var crises = BenchArgs.Int(args, "--crisis", 5);
        var baselineTimeout = TimeSpan.FromSeconds(BenchArgs.Int(args, "--baseline-timeout", 300));
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
        };
        try
        {
            await using var host = await OutreachHost.StartAsync(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), cancellationToken: cancellationToken);
            await host.Services.GetRequiredService<CurrentKnowledge>().GetAsync(cancellationToken);
            var webhook = new Uri(host.BaseAddress, MessengerWebhookEndpoints.Path);
            var database = host.Services.GetRequiredService<OutreachDatabase>().ConnectionString;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            Console.WriteLine($"Gateway {host.BaseAddress}, {Environment.ProcessorCount} cores, turn and send workers on");

            var burst = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, backlog), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
                async (i, ct) => await PostAsync(http, webhook, emulator, IngestLoadClient.Psid(i % IngestLoadClient.Members), Question, ct));
            var pendingAfterBurst = await PendingAsync(database, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Burst: {backlog} questions acked in {burst.Elapsed.TotalSeconds:F1} s; pending now {pendingAfterBurst}"));

            Console.WriteLine("| message | pending when sent | ack → reply at the Send API |");
            Console.WriteLine("|---|---:|---:|");
            for (var i = 0; i < crises; i++)
            {
                var pending = await PendingAsync(database, cancellationToken);
                var seconds = await TimeReplyAsync(http, webhook, emulator, "crisis-" + i, Crisis, TimeSpan.FromSeconds(60), cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| crisis {i + 1} | {pending} | {Format(seconds)} |"));
            }

            var before = await PendingAsync(database, cancellationToken);
            var baseline = await TimeReplyAsync(http, webhook, emulator, "question-after", Question, baselineTimeout, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ordinary question (no lane) | {before} | {Format(baseline)} |"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // From the webhook's 200 to the first Send API call to that member; null when it did not come within the timeout.
    private static async Task<double?> TimeReplyAsync(
        HttpClient http, Uri webhook, MessengerEmulator emulator, string psid, string text, TimeSpan timeout, CancellationToken ct)
    {
        emulator.UserInteracted(psid);
        await PostAsync(http, webhook, emulator, psid, text, ct);
        var acked = Stopwatch.StartNew();
        try
        {
            await emulator.WaitForSendAsync(s => s.RecipientId == psid, timeout, ct);
            return acked.Elapsed.TotalSeconds;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task PostAsync(HttpClient http, Uri webhook, MessengerEmulator emulator, string psid, string text, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(emulator.Webhook().Message(psid, text).Build());
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaJson.Sign256(body, emulator.Options.AppSecret));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<long> PendingAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox_events WHERE status = 'pending'", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static string Format(double? seconds) =>
        seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:F2} s") : "no reply within the timeout";
}
