using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Outreach.Benchmarks;

/// <summary>The staff console under load: a signed-in client, and a closed loop fetching one page at a given concurrency.</summary>
internal static class StaffPages
{
    /// <summary>The password the scenarios give their seeded staff.</summary>
    public const string Password = "mat-khau-bench-dai";

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string username, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
        using var response = await client.PostAsJsonAsync(new Uri("/staff/api/session", UriKind.Relative), new { username, password = Password },
            cancellationToken);
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Fetches <paramref name="page"/> with <paramref name="concurrency"/> requests in flight for <paramref name="duration"/>;
    /// every answer must be 200.</summary>
    public static async Task<(int Count, List<double> Latencies, long Bytes)> LoopAsync(
        HttpClient client, string page, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        long bytes = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(page, UriKind.Relative), cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}");
                }

                lock (latencies)
                {
                    latencies.Add(elapsed);
                    bytes = body.Length;
                }
            }
        }));
        return (latencies.Count, latencies, bytes);
    }
}
