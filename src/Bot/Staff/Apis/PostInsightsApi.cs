using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Posts;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/posts/{id}/platform-links and /insights: link a post to the Facebook Page post and the Zalo article it was also
/// published as, and read what the platforms report for them (<see cref="PostInsightsService"/>).
/// </summary>
public static class PostInsightsApi
{
    public static RouteGroupBuilder MapPostInsightsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var posts = api.MapGroup("/posts").RequireStaff();
        posts.MapPut("/{id:long}/platform-links", async (long id, PlatformLinksRequest request, HttpContext http, PostInsightsService service, CancellationToken ct) =>
            ApiResults.From(await service.LinkAsync(http.Session(), id, request, ct), i => TypedResults.Ok(new { links = i.Links, metrics = i.Metrics })));
        posts.MapGet("/{id:long}/insights", async (long id, HttpContext http, PostInsightsService service, CancellationToken ct) =>
            ApiResults.From(await service.InsightsAsync(http.Session(), id, ct), i => TypedResults.Ok(new { links = i.Links, metrics = i.Metrics })));
        return api;
    }
}
