using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Messenger;

/// <summary>
/// Page post insights, <c>GET /{version}/{page-id}_{post-id}/insights?metric=a,b</c> (PLATFORM-MESSENGER.md §4.2): the Page token
/// and appsecret_proof are checked as for sends, the post must belong to the token's Page, and one metric Graph no longer
/// knows (the impressions family, post_engaged_users…) fails the whole request with "(#100) The value must be a valid
/// insights metric". Lifetime values only, in Graph's shape.
/// </summary>
public sealed partial class MessengerEmulator
{
    /// <summary>The post metrics still served on v25.0 (§4.2, a developer's per-metric probe of 2026-09-01).</summary>
    public static readonly IReadOnlySet<string> LivePostMetrics = new HashSet<string>(StringComparer.Ordinal)
    {
        "post_total_media_view_unique", "post_media_view", "post_clicks", "post_clicks_by_type", "post_activity_by_action_type",
        "post_activity_by_action_type_unique", "post_reactions_by_type_total", "post_reactions_like_total", "post_video_views",
    };

    private readonly ConcurrentDictionary<string, JsonObject> _postMetrics = new(StringComparer.Ordinal);

    /// <summary>Publishes a Page post ("{page-id}_{post-id}") with these lifetime metric values (numbers or objects of numbers).</summary>
    public void PublishPost(string postId, IReadOnlyDictionary<string, JsonNode> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var values = new JsonObject();
        foreach (var (name, value) in metrics)
        {
            values[name] = value.DeepClone();
        }

        _postMetrics[postId] = values;
    }

    /// <summary>Insights requests received, in order.</summary>
    public IReadOnlyList<Common.RecordedRequest> InsightsRequests => Received.Where(r => r.Path.EndsWith("/insights", StringComparison.Ordinal)).ToList();

    private IResult HandleInsights(HttpContext context, string version, string node)
    {
        var request = context.Request;
        if (GraphCallerProblem(request, version, out var page) is { } problem)
        {
            return problem;
        }

        if (!node.StartsWith(page + "_", StringComparison.Ordinal) || !_postMetrics.TryGetValue(node, out var values))
        {
            return Error(MessengerGraphErrors.Body(
                $"Unsupported get request. Object with ID '{node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                "GraphMethodException", 100, 33));
        }

        var metrics = request.Query["metric"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (metrics.Length == 0)
        {
            return Error(NoMetricSpecified());
        }

        if (metrics.Any(m => !LivePostMetrics.Contains(m)))
        {
            // Graph translates messages into the token owner's language (a Vietnamese admin's token here): never match the text.
            return Error(MessengerGraphErrors.InvalidParameter("Giá trị phải là một chỉ số thông tin chi tiết hợp lệ"));
        }

        var data = new JsonArray();
        foreach (var metric in metrics)
        {
            data.Add(new JsonObject
            {
                ["name"] = metric,
                ["period"] = "lifetime",
                ["values"] = new JsonArray(new JsonObject { ["value"] = values[metric]?.DeepClone() ?? 0 }),
                ["title"] = metric,
                ["description"] = "Lifetime: " + metric,
                ["id"] = $"{node}/insights/{metric}/lifetime",
            });
        }

        return Results.Text(MetaJson.Write(new JsonObject { ["data"] = data }), "application/json; charset=UTF-8");
    }

    // E20, Graph's answer to an insights call without a metric.
    private static string NoMetricSpecified() =>
        """{"error":{"message":"Invalid query","type":"OAuthException","code":3001,"error_subcode":1504028,"is_transient":false,"error_user_title":"No Metric Specified","error_user_msg":"No metric was specified to be fetched. Please specify one or more metrics to be fetched and try again.","fbtrace_id":"GpdspOgqUHT"}}""";
}
