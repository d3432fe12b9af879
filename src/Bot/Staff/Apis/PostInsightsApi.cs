using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;
using Outreach.Content.Stats;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/posts/{id}/platform-links and /insights: link a post to the Facebook Page post and the Zalo article it was also
/// published as, and read what the platforms report for them (pulled by the insights job).
/// </summary>
public static partial class PostInsightsApi
{
    public static RouteGroupBuilder MapPostInsightsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var posts = api.MapGroup("/posts").RequireStaff();
        posts.MapPut("/{id:long}/platform-links", LinkAsync);
        posts.MapGet("/{id:long}/insights", InsightsAsync);
        return api;
    }

    /// <summary>The Page post id ("{page-id}_{post-id}") and/or the Zalo article id.</summary>
    public sealed record PlatformLinksRequest(string? FacebookPostId, string? ZaloArticleId);

    private static async Task<IResult> LinkAsync(
        long id, PlatformLinksRequest request, HttpContext http, [AsParameters] StaffApiServices s, PostInsightStore insights, CancellationToken ct)
    {
        var session = http.Session();
        if (await PostsApi.VisiblePostAsync(id, session, s, ct) is null)
        {
            return PostsApi.NotFound();
        }

        if (!StaffRoles.CanWrite(session.User.Role) && !StaffRoles.CanApprove(session.User.Role))
        {
            return PostsApi.Forbidden("Tài khoản chỉ xem không liên kết bài viết được.");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.FacebookPostId is { } fb && !FacebookPostId().IsMatch(fb))
        {
            errors["facebookPostId"] = ["Mã bài trên Trang Facebook có dạng {mã trang}_{mã bài}, chỉ gồm chữ số."];
        }

        if (request.ZaloArticleId is { } zalo && !ZaloArticleId().IsMatch(zalo))
        {
            errors["zaloArticleId"] = ["Mã bài viết Zalo chỉ gồm chữ và số (tối đa 100 ký tự)."];
        }

        if (request.FacebookPostId is null && request.ZaloArticleId is null)
        {
            errors["facebookPostId"] = ["Cần ít nhất một mã: bài trên Trang Facebook hoặc bài viết Zalo."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Dữ liệu chưa hợp lệ");
        }

        foreach (var (platform, externalId) in new[] { ("facebook", request.FacebookPostId), ("zalo", request.ZaloArticleId) })
        {
            if (externalId is not null)
            {
                await insights.LinkAsync(id, platform, externalId, session.User.Id, s.Time.GetUtcNow(), ct);
            }
        }

        return await InsightsAsync(id, http, s, insights, ct);
    }

    private static async Task<IResult> InsightsAsync(long id, HttpContext http, [AsParameters] StaffApiServices s, PostInsightStore insights, CancellationToken ct)
    {
        if (await PostsApi.VisiblePostAsync(id, http.Session(), s, ct) is null)
        {
            return PostsApi.NotFound();
        }

        var (links, metrics) = await insights.ForPostAsync(id, ct);
        return TypedResults.Ok(new { links, metrics });
    }

    [GeneratedRegex("^[0-9]{1,40}_[0-9]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex FacebookPostId();

    [GeneratedRegex("^[0-9A-Za-z]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZaloArticleId();
}
