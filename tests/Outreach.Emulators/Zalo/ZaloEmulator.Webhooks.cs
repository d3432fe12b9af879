using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Outreach.Emulators.Common;

namespace Outreach.Emulators.Zalo;

/// <summary>
/// Webhooks to the gateway, signed as Zalo signs them (§2.3: <c>mac=</c> + hex SHA-256 of app id + body + the body's
/// timestamp + OA secret key, computed here as the official Java SDK does, on the concatenated string), one event per
/// POST, with a 2-second timeout. Posting a member's event also tells the emulator she interacted (or followed).
/// </summary>
public sealed partial class ZaloEmulator
{
    private static readonly HttpClient WebhookClient = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// The signature header value for <paramref name="body"/> (its own <c>timestamp</c> field is the third term), made with the
    /// app id and OA secret key of the OA the body names (<c>oa_id</c>, else recipient or sender), unless
    /// <paramref name="secret"/> is given.
    /// </summary>
    public string Sign(string body, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var timestamp = root.GetProperty("timestamp").ToString();
        var named = new[] { Read(root, "oa_id"), Read(root, "recipient", "id"), Read(root, "sender", "id") };
        var oa = Oas.FirstOrDefault(o => named.Contains(o.OaId)) ?? Oas[0];
        var mac = SHA256.HashData(Encoding.UTF8.GetBytes(oa.AppId + body + timestamp + (secret ?? oa.OaSecretKey)));
        return "mac=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Posts a correctly signed event. <paramref name="numRetry"/> is Zalo's header on its resends.</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(Uri webhook, string body, CancellationToken cancellationToken, int? numRetry = null)
    {
        ApplyToState(body);
        return PostAsync(webhook, body, Sign(body), numRetry, cancellationToken);
    }

    /// <summary>
    /// Delivers a signed event as Zalo does (issue 11.10): 2 seconds to answer 200, resends along the retry ladder with
    /// <c>num_retry</c>, and the webhook disabled when the ladder runs out (<see cref="Webhooks"/>).
    /// </summary>
    public Task<WebhookDelivery> DeliverWebhookAsync(Uri webhook, string body, CancellationToken cancellationToken)
    {
        ApplyToState(body);
        var signature = Sign(body);
        return Webhooks.DeliverAsync((attempt, ct) => PostAsync(webhook, body, signature, attempt > 0 ? attempt : null, ct), cancellationToken);
    }

    /// <summary>Posts the event signed with the wrong secret (a forgery, or a misconfigured key).</summary>
    public Task<HttpResponseMessage> PostWebhookWithBadSignatureAsync(Uri webhook, string body, CancellationToken cancellationToken) =>
        PostAsync(webhook, body, Sign(body, "not-the-oa-secret"), null, cancellationToken);

    /// <summary>Posts the event with no signature header at all (as the console's "Test" button may).</summary>
    public Task<HttpResponseMessage> PostUnsignedWebhookAsync(Uri webhook, string body, CancellationToken cancellationToken) =>
        PostAsync(webhook, body, null, null, cancellationToken);

    /// <summary>Delivers the same signed event twice, the second time as Zalo's retry (<c>num_retry: 1</c>).</summary>
    public async Task<IReadOnlyList<HttpResponseMessage>> PostReplayAsync(Uri webhook, string body, CancellationToken cancellationToken) =>
        [await PostWebhookAsync(webhook, body, cancellationToken), await PostWebhookAsync(webhook, body, cancellationToken, numRetry: 1)];

    /// <summary>Delivers signed events last-first (Zalo gives no ordering guarantee across requests).</summary>
    public async Task<IReadOnlyList<HttpResponseMessage>> PostOutOfOrderAsync(Uri webhook, IReadOnlyList<string> bodies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var responses = new List<HttpResponseMessage>();
        foreach (var body in bodies.Reverse())
        {
            responses.Add(await PostWebhookAsync(webhook, body, cancellationToken));
        }

        return responses;
    }

    private static async Task<HttpResponseMessage> PostAsync(Uri webhook, string body, string? signature, int? numRetry, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", signature);
        }

        if (numRetry is { } retry)
        {
            request.Headers.TryAddWithoutValidation("num_retry", retry.ToString(CultureInfo.InvariantCulture));
        }

        return await WebhookClient.SendAsync(request, cancellationToken);
    }

    // What Zalo learns from the event it delivers: the member interacted (which opens the window) or (un)followed.
    private void ApplyToState(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var name = root.TryGetProperty("event_name", out var e) ? e.GetString() ?? "" : "";
        var member = Read(root, "follower", "id") ?? Read(root, "user_id")
            ?? (name.StartsWith("oa_", StringComparison.Ordinal) || name is "user_received_message" or "user_seen_message"
                ? Read(root, "recipient", "id") : Read(root, "sender", "id"));
        if (member is null)
        {
            return;
        }

        if (name == "unfollow")
        {
            Unfollow(member);
            return;
        }

        if (name == "follow")
        {
            Follow(member);
        }

        if (name is "follow" or "user_click_chatnow" or "user_submit_info" || name.StartsWith("user_send_", StringComparison.Ordinal))
        {
            RecordInteraction(member);
        }
    }

    private static string? Read(JsonElement root, params string[] path)
    {
        var current = root;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }
}
