using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.Testing;

/// <summary>Talks to a running gateway through its /webchat API, as the page does.</summary>
public sealed class WebChatClient(HttpClient http)
{
    public async Task<HttpResponseMessage> PostAsync(
        string userId, string? text, string? payload = null, string? clientMessageId = null, CancellationToken cancellationToken = default) =>
        await http.PostAsJsonAsync(
            new Uri("/webchat/api/messages", UriKind.Relative),
            new { userId, text, payload, clientMessageId },
            cancellationToken);

    /// <summary>The replies the member has received so far.</summary>
    public async Task<IReadOnlyList<JsonElement>> RepliesAsync(string userId, CancellationToken cancellationToken = default)
    {
        var replies = await http.GetFromJsonAsync<JsonElement[]>(
            new Uri($"/webchat/api/messages?userId={Uri.EscapeDataString(userId)}", UriKind.Relative), cancellationToken);
        return replies ?? [];
    }

    /// <summary>Polls until at least <paramref name="count"/> replies arrived (30 s at most).</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForRepliesAsync(string userId, int count, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Generous: the process's first turn may wait for the crisis classifier's training (9-30 s on a busy 2-core machine).
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            var replies = await RepliesAsync(userId, timeout.Token);
            if (replies.Count >= count)
            {
                return replies;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
