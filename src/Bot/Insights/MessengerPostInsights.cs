using Outreach.Bot.Channels.Accounts;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Messenger;
using Outreach.Scheduler.Insights;
using Outreach.Content.Stats;

namespace Outreach.Bot.Insights;

/// <summary>
/// Page post insights: <c>GET {Graph}/{version}/{page-id}_{post-id}/insights?metric=…</c> with the Page's token in the
/// Authorization header. Graph fails the whole request when one metric no longer exists ("(#100) The value must be a valid
/// insights metric", PLATFORM-MESSENGER.md §4.2), so on that error each metric is asked for alone; the dead ones are
/// remembered for the life of the process and not asked for again.
/// </summary>
public sealed partial class MessengerPostInsights(
    IHttpClientFactory httpClients, IChannelAccounts accounts, IOptions<MessengerOptions> messenger, IOptions<InsightsOptions> insights,
    ILogger<MessengerPostInsights> logger)
    : IInsightsSource
{
    public const string ClientName = "messenger-insights";
    private readonly ConcurrentDictionary<string, bool> _deadMetrics = new(StringComparer.Ordinal);

    public string Platform => PostPlatforms.Facebook;

    public async Task<IReadOnlyDictionary<string, InsightsResult>> FetchAsync(IReadOnlyList<string> externalIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalIds);
        var results = new Dictionary<string, InsightsResult>(StringComparer.Ordinal);
        foreach (var postId in externalIds)
        {
            try
            {
                results[postId] = await FetchOneAsync(postId, cancellationToken);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                // One post's odd answer must not cost the others their figures.
                results[postId] = InsightsResult.Failed("unreadable");
            }
        }

        return results;
    }

    private async Task<InsightsResult> FetchOneAsync(string postId, CancellationToken cancellationToken)
    {
        var pageId = postId.Split('_')[0];
        var account = await accounts.FindAsync(MessengerChannel.Name, pageId, cancellationToken);
        if (account?.AccessToken is not { Length: > 0 } token)
        {
            return InsightsResult.Failed("unknown_page");
        }

        var metrics = insights.Value.EffectiveFacebookMetrics.Where(m => !_deadMetrics.ContainsKey(m)).ToList();
        var (values, error) = await RequestAsync(postId, token, account.AppSecret, metrics, cancellationToken);
        if (error is not InvalidMetric)
        {
            return new InsightsResult(values, error);
        }

        // Code 100 also means a bad post id, and the message is in the token owner's language: a metric is dead only when it
        // fails alone with code 100 while another metric of the same post is read.
        var merged = new Dictionary<string, long>(StringComparer.Ordinal);
        var refused = new List<string>();
        foreach (var metric in metrics)
        {
            var (one, oneError) = await RequestAsync(postId, token, account.AppSecret, [metric], cancellationToken);
            if (oneError == InvalidMetric)
            {
                refused.Add(metric);
            }
            else if (oneError is not null)
            {
                return new InsightsResult(merged, oneError);
            }

            foreach (var (name, value) in one)
            {
                merged[name] = value;
            }
        }

        if (refused.Count == metrics.Count)
        {
            return new InsightsResult(merged, "graph_100");
        }

        foreach (var metric in refused.Where(m => _deadMetrics.TryAdd(m, true)))
        {
            Log.DeadInsightsMetric(logger, metric);
        }

        return new InsightsResult(merged);
    }

    private const string InvalidMetric = "graph_100_invalid_metric";

    private async Task<(Dictionary<string, long> Values, string? Error)> RequestAsync(
        string postId, string token, string? appSecret, IReadOnlyList<string> metrics, CancellationToken cancellationToken)
    {
        var settings = messenger.Value;
        var uri = $"{settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/{settings.ApiVersion}/{Uri.EscapeDataString(postId)}/insights?metric={string.Join(',', metrics)}";
        if (settings.UseAppSecretProof && appSecret is { Length: > 0 } secret)
        {
            uri += "&appsecret_proof=" + MessengerClient.AppSecretProof(secret, token);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.TryGetProperty("error", out var error))
            {
                // By code and subcode only: Graph translates the message into the token owner's language (§2.4).
                var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
                var subcode = error.TryGetProperty("error_subcode", out var sc) && sc.TryGetInt32(out var sn) ? sn : (int?)null;
                return ([], code == 100 && subcode is null ? InvalidMetric : subcode is { } sub ? $"graph_{code}_{sub}" : $"graph_{code}");
            }

            return (Read(body.RootElement), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ([], "network");
        }
    }

    // data[].values[0].value is a number, or an object of numbers (post_reactions_by_type_total: {"like":3,"love":1}).
    private static Dictionary<string, long> Read(JsonElement root)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var metric in root.TryGetProperty("data", out var data) ? data.EnumerateArray() : default)
        {
            if (metric.ValueKind != JsonValueKind.Object || !metric.TryGetProperty("name", out var n) || n.GetString() is not { } name)
            {
                continue;
            }

            if (!metric.TryGetProperty("values", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
                || list[0].ValueKind != JsonValueKind.Object || !list[0].TryGetProperty("value", out var value))
            {
                continue;
            }

            if (InsightsCount.Read(value) is { } number)
            {
                values[name] = number;
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var part in value.EnumerateObject())
                {
                    if (InsightsCount.Read(part.Value) is { } count)
                    {
                        values[$"{name}.{part.Name}"] = count;
                    }
                }
            }
        }

        return values;
    }
}
