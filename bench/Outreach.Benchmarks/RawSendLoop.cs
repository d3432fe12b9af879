using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Outreach.Benchmarks;

/// <summary>The ceiling: Send API calls from a bare HttpClient loop at a given concurrency, to the same emulator, no database.</summary>
internal static class RawSendLoop
{
    public static async Task<double> MeasureAsync(Uri emulator, string pageToken, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = emulator };
        var ok = 0L;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                var body = "{\"recipient\":{\"id\":\"raw-" + worker + "-" + i + "\"},\"messaging_type\":\"UPDATE\",\"message\":{\"text\":\"Khám sàng lọc miễn phí\"}}";
                using var request = new HttpRequestMessage(HttpMethod.Post, "v25.0/me/messages")
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pageToken);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref ok);
                }
            }
        });
        await Task.WhenAll(workers);
        return ok / stopwatch.Elapsed.TotalSeconds;
    }
}
