using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Apis;

/// <summary>/staff/api/posts: create, edit, list and read posts, and preview their audience. Everything is scoped to the caller's units.</summary>
public static class PostsApi
{
    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var posts = api.MapGroup("/posts").RequireStaff();
        posts.MapPost("", CreateAsync);
        posts.MapGet("", ListAsync);
        posts.MapGet("/{id:long}", GetAsync);
        posts.MapPut("/{id:long}", UpdateAsync);
        posts.MapGet("/{id:long}/audience", AudienceAsync);
        posts.MapPostTransitions();
        return api;
    }

    private static async Task<IResult> CreateAsync(PostRequest request, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        if (!StaffRoles.CanWrite(session.User.Role))
        {
            return Forbidden("Chỉ biên tập viên hoặc quản trị mới viết bài được.");
        }

        if (await ValidateAsync(request, session, s, ct) is { } invalid)
        {
            return invalid;
        }

        var post = await s.Posts.CreateAsync(ToPost(request, session, session.User.Id), ct);
        return TypedResults.Created($"/staff/api/posts/{post.Id}", PostView.Of(post));
    }

    private static async Task<IResult> ListAsync(string? status, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var posts = await s.Posts.ListAsync(http.Session().Unit.Id, status, 200, ct);
        return TypedResults.Ok(posts.Select(PostView.Of));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        if (await VisiblePostAsync(id, http.Session(), s, ct) is not { } post)
        {
            return NotFound();
        }

        var transitions = await s.Posts.TransitionsAsync(id, ct);
        var broadcasts = await s.Broadcasts.ListForPostAsync(id, ct);
        return TypedResults.Ok(new { post = PostView.Of(post), transitions, broadcasts });
    }

    private static async Task<IResult> UpdateAsync(long id, PostRequest request, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        if (await VisiblePostAsync(id, session, s, ct) is not { } existing)
        {
            return NotFound();
        }

        if (!StaffRoles.CanWrite(session.User.Role))
        {
            return Forbidden("Chỉ biên tập viên hoặc quản trị mới sửa bài được.");
        }

        if (await ValidateAsync(request, session, s, ct) is { } invalid)
        {
            return invalid;
        }

        var updated = ToPost(request, session, existing.CreatedBy) with { Id = id };
        return await s.Posts.UpdateDraftAsync(updated, ct)
            ? TypedResults.Ok(PostView.Of((await s.Posts.FindAsync(id, ct))!))
            : Conflict("Chỉ sửa được bài ở trạng thái nháp.");
    }

    private static async Task<IResult> AudienceAsync(long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        if (await VisiblePostAsync(id, http.Session(), s, ct) is not { } post)
        {
            return NotFound();
        }

        var now = s.Time.GetUtcNow();
        var rows = await s.Preview.PreviewAsync(post, now, ct);
        return TypedResults.Ok(new
        {
            reachable = rows.Where(r => r.Reason is null).Sum(r => r.Count),
            unreachable = rows.Where(r => r.Reason is not null).Sum(r => r.Count),
            reasons = rows.Where(r => r.Reason is not null).GroupBy(r => r.Reason!).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            units = rows.GroupBy(r => (r.OrgUnitId, r.OrgUnitName)).Select(g => new
            {
                orgUnitId = g.Key.OrgUnitId,
                name = g.Key.OrgUnitName,
                reachable = g.Where(r => r.Reason is null).Sum(r => r.Count),
                reasons = g.Where(r => r.Reason is not null).GroupBy(r => r.Reason!).ToDictionary(x => x.Key, x => x.Sum(r => r.Count)),
            }),
        });
    }

    internal static async Task<Post?> VisiblePostAsync(long id, StaffSession session, StaffApiServices s, CancellationToken ct)
    {
        var post = await s.Posts.FindAsync(id, ct);
        var unit = post is null ? null : await s.Units.FindAsync(post.OrgUnitId, ct);

        // Another unit's post does not exist as far as this caller is concerned.
        return unit is not null && session.Sees(unit) ? post : null;
    }

    internal static IResult NotFound() => TypedResults.Problem("Không tìm thấy.", statusCode: StatusCodes.Status404NotFound);

    internal static IResult Forbidden(string reason) => TypedResults.Problem(reason, statusCode: StatusCodes.Status403Forbidden);

    internal static IResult Conflict(string reason) => TypedResults.Problem(reason, statusCode: StatusCodes.Status409Conflict);

    private static async Task<IResult?> ValidateAsync(PostRequest request, StaffSession session, StaffApiServices s, CancellationToken ct)
    {
        var errors = await ProblemsAsync(request, session, s, ct);
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors, title: "Dữ liệu chưa hợp lệ");
    }

    /// <summary>Every problem of a post request, by field: the checks of <see cref="PostRequestRules"/>, the caller's scope, the topic.</summary>
    internal static async Task<Dictionary<string, string[]>> ProblemsAsync(PostRequest request, StaffSession session, StaffApiServices s, CancellationToken ct)
    {
        var errors = PostRequestRules.Check(request);
        foreach (var unitId in (request.AudienceUnitIds ?? []).Append(request.OrgUnitId ?? session.Unit.Id))
        {
            if (await s.Units.FindAsync(unitId, ct) is not { } unit || !session.Sees(unit))
            {
                errors["audienceUnitIds"] = [$"Đơn vị {unitId} không tồn tại hoặc ngoài phạm vi của bạn."];
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Topic) && !await s.Posts.TopicExistsAsync(request.Topic, ct))
        {
            errors["topic"] = [$"Chủ đề '{request.Topic}' không tồn tại."];
        }

        return errors;
    }

    internal static Post ToPost(PostRequest request, StaffSession session, long createdBy) => new()
    {
        OrgUnitId = request.OrgUnitId ?? session.Unit.Id,
        Title = request.Title!.Trim(),
        Body = request.Body!.Trim(),
        LinkUrl = string.IsNullOrWhiteSpace(request.LinkUrl) ? null : request.LinkUrl.Trim(),
        Topic = request.Topic!.Trim(),
        IsPromotional = request.IsPromotional ?? true,
        Audience = Audience.Of(request.Channels, request.AudienceUnitIds),
        CreatedBy = createdBy,
    };
}

/// <summary>A post as the API shows it.</summary>
public sealed record PostView(
    long Id, long OrgUnitId, string Title, string Body, string? LinkUrl, string Topic, bool IsPromotional, string[] Channels,
    long[] AudienceUnitIds, string Status, string? ScheduleKind, DateTimeOffset? SendAt, string? Cron, long CreatedBy, long? ApprovedBy)
{
    public static PostView Of(Post p) => new(
        p.Id, p.OrgUnitId, p.Title, p.Body, p.LinkUrl, p.Topic, p.IsPromotional, [.. p.Audience.Channels], [.. p.Audience.Units], p.Status,
        p.ScheduleKind, p.SendAt, p.Cron, p.CreatedBy, p.ApprovedBy);
}
