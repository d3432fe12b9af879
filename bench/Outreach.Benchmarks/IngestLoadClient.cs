using System.Diagnostics;
using System.Globalization;
using System.Text;
using Outreach.Emulators.Messenger;

namespace Outreach.Benchmarks;

/// <summary>
/// A closed-loop load client: <c>concurrency</c> loops each post one freshly built, Meta-signed webhook (a new mid, one of
/// 1000 members) and wait for the answer before the next. Bounded by time; loopback only.
/// </summary>
internal sealed class IngestLoadClient(Uri webhook, MessengerEmulator emulator, int concurrency)
{
    public const int Members = 1000;

    public static string Psid(int member) => (9_000_000_000L + member).ToString(CultureInfo.InvariantCulture);

    public async Task<IngestResult> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, concurrency).Select(i => LoopAsync(http, i, stop.Token)).ToList();
        var samples = (await Task.WhenAll(loops)).SelectMany(s => s).ToList();
        var elapsed = clock.Elapsed;
        var ok = samples.Where(s => s.Status == 200).Select(s => s.Milliseconds).Order().ToList();
        return new IngestResult(concurrency, ok.Count, samples.Count - ok.Count, ok.Count / elapsed.TotalSeconds,
            Percentile(ok, 0.50), Percentile(ok, 0.99), ok.Count > 0 ? ok[^1] : 0);
    }

    private async Task<List<(int Status, double Milliseconds)>> LoopAsync(HttpClient http, int loop, CancellationToken stop)
    {
        var samples = new List<(int, double)>(4096);
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var psid = Psid(((loop * 7919) + n++) % Members);
            var body = Encoding.UTF8.GetBytes(emulator.Webhook().Message(psid, "Chị muốn hỏi về vay vốn khởi nghiệp").Build());
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Hub-Signature-256", MetaJson.Sign256(body, emulator.Options.AppSecret));
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, CancellationToken.None);
                samples.Add(((int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
            catch (HttpRequestException)
            {
                samples.Add((0, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
        }

        return samples;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>One concurrency level's figures.</summary>
internal sealed record IngestResult(int Concurrency, int Acks, int Failures, double PerSecond, double P50, double P99, double Max)
{
    public string ToMarkdownRow(bool workers) => string.Create(CultureInfo.InvariantCulture,
        $"| {Concurrency} | {(workers ? "on" : "off")} | {Acks} | {PerSecond:F0} | {P50:F1} | {P99:F1} | {Max:F1} | {Failures} |");
}
