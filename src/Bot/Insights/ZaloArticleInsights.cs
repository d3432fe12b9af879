using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo;
using Outreach.Scheduler.Insights;
using Outreach.Content.Stats;

namespace Outreach.Bot.Insights;

/// <summary>
/// Zalo article views: <c>GET /v2.0/article/getslice?offset=&amp;limit=10&amp;type=normal</c> lists the OA's articles with
/// <c>total_view</c> and <c>total_share</c> (PLATFORM-ZALO.md §4.1; there is no per-broadcast reach API). Pages are read until
/// every linked article is found or the list ends. A token Zalo calls invalid is refreshed once, as the sender does.
/// </summary>
public sealed class ZaloArticleInsights(IHttpClientFactory httpClients, ZaloTokenProvider tokens, IOptions<ZaloOptions> zalo) : IInsightsSource
{
    public const string ClientName = "zalo-articles";
    private const int PageSize = 10;
    private const int MaxPages = 200;

    public string Platform => PostPlatforms.Zalo;

    public async Task<IReadOnlyDictionary<string, InsightsResult>> FetchAsync(IReadOnlyList<string> externalIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalIds);
        var wanted = externalIds.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, InsightsResult>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages && found.Count < wanted.Count; page++)
        {
            var (articles, total, error) = await SliceAsync(page * PageSize, cancellationToken);
            if (error is not null)
            {
                return wanted.ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? InsightsResult.Failed(error), StringComparer.Ordinal);
            }

            foreach (var (id, metrics) in articles.Where(a => wanted.Contains(a.Id)))
            {
                found[id] = new InsightsResult(metrics);
            }

            if ((page + 1) * PageSize >= total || articles.Count == 0)
            {
                break;
            }
        }

        return wanted.ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? InsightsResult.Failed("article_not_found"), StringComparer.Ordinal);
    }

    private async Task<(List<(string Id, Dictionary<string, long> Metrics)> Articles, int Total, string? Error)> SliceAsync(int offset, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (token.Value is null)
            {
                return ([], 0, token.ErrorCode ?? "no_token");
            }

            var uri = new Uri(zalo.Value.OpenApiBaseUrl, string.Create(CultureInfo.InvariantCulture, $"v2.0/article/getslice?offset={offset}&limit={PageSize}&type=normal"));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("access_token", token.Value);
            JsonElement root;
            try
            {
                using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
                root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return ([], 0, "network");
            }

            var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && InsightsCount.Read(e) is { } n ? (int)n : 0;
            if (code is ZaloErrorCodes.AccessTokenInvalid or ZaloErrorCodes.AccessTokenExpired && attempt == 0)
            {
                token = await tokens.RefreshAsync(token.Version, cancellationToken);
                continue;
            }

            return code != 0 ? ([], 0, $"zalo_{code}") : Read(root);
        }

        return ([], 0, "token_refused");
    }

    private static (List<(string, Dictionary<string, long>)>, int, string?) Read(JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return ([], 0, "unreadable");
        }

        var total = data.TryGetProperty("total", out var t) && InsightsCount.Read(t) is { } n ? (int)Math.Min(n, int.MaxValue) : 0;
        var articles = new List<(string, Dictionary<string, long>)>();
        foreach (var media in data.TryGetProperty("medias", out var medias) && medias.ValueKind == JsonValueKind.Array ? medias.EnumerateArray() : default)
        {
            var id = media.ValueKind == JsonValueKind.Object && media.TryGetProperty("id", out var i)
                ? i.ValueKind switch { JsonValueKind.String => i.GetString(), JsonValueKind.Number => i.GetRawText(), _ => null }
                : null;
            if (id is null)
            {
                continue;
            }

            var metrics = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var name in new[] { "total_view", "total_share" })
            {
                // Counts arrive as numbers or as strings ("1234") depending on the account.
                if (media.TryGetProperty(name, out var value) && InsightsCount.Read(value) is { } number)
                {
                    metrics[name] = number;
                }
            }

            articles.Add((id, metrics));
        }

        return (articles, total, null);
    }
}
