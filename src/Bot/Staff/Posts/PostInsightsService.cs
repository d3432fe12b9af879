using System.Text.RegularExpressions;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;
using Outreach.Content.Stats;

namespace Outreach.Bot.Staff.Posts;

/// <summary>
/// A post's other lives: the Facebook Page post and the Zalo article it was also published as (linked by staff), and what
/// the platforms report for them (pulled by the insights job). Scoped like the post itself.
/// </summary>
public sealed partial class PostInsightsService(PostService posts, PostInsightStore insights, TimeProvider time)
{
    /// <summary>Links the post to its Page post and/or Zalo article (anyone but viewers); answers its insights.</summary>
    public async Task<StaffResult<PostInsights>> LinkAsync(StaffSession session, long id, PlatformLinksRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var found = await posts.FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        if (!StaffRoles.CanWrite(session.User.Role) && !StaffRoles.CanApprove(session.User.Role))
        {
            return StaffRefusal.Forbidden("Tài khoản chỉ xem không liên kết bài viết được.");
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
            return StaffRefusal.Invalid(errors);
        }

        foreach (var (platform, externalId) in new[] { (PostPlatforms.Facebook, request.FacebookPostId), (PostPlatforms.Zalo, request.ZaloArticleId) })
        {
            if (externalId is not null)
            {
                await insights.LinkAsync(id, platform, externalId, session.User.Id, time.GetUtcNow(), ct);
            }
        }

        return await InsightsAsync(session, id, ct);
    }

    /// <summary>The post's platform links and the latest metrics read for them.</summary>
    public async Task<StaffResult<PostInsights>> InsightsAsync(StaffSession session, long id, CancellationToken ct)
    {
        var found = await posts.FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var (links, metrics) = await insights.ForPostAsync(id, ct);
        return new PostInsights(links, metrics);
    }

    [GeneratedRegex("^[0-9]{1,40}_[0-9]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex FacebookPostId();

    [GeneratedRegex("^[0-9A-Za-z]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZaloArticleId();
}

/// <summary>The Page post id ("{page-id}_{post-id}") and/or the Zalo article id.</summary>
public sealed record PlatformLinksRequest(string? FacebookPostId, string? ZaloArticleId);

/// <summary>A post's platform links and their metrics, as <see cref="PostInsightStore.ForPostAsync"/> reads them.</summary>
public sealed record PostInsights(IReadOnlyList<PlatformLink> Links, IReadOnlyList<PostInsight> Metrics);
