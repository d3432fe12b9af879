using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Channels;
using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Previews;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Posts;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>/staff/posts: the list, writing a post (with a preview before saving) and editing a draft. Rules are the JSON API's.</summary>
public static class PostsEndpoints
{
    public static RouteGroupBuilder MapConsolePosts(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/posts", ListAsync);
        console.MapGet("/posts/new", NewAsync);
        console.MapPost("/posts/new", CreateAsync);
        console.MapGet("/posts/{id:long}", PostDetails.ShowAsync);
        console.MapGet("/posts/{id:long}/edit", EditAsync);
        console.MapPost("/posts/{id:long}/edit", UpdateAsync);
        console.MapPostActions();
        return console;
    }

    private static async Task<IResult> ListAsync(
        string? status, string? notice, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        var filter = status is { Length: > 0 } && ConsoleText.PostStatus(status) != status ? status : null;
        var posts = await s.Posts.ListAsync(session.Unit.Id, filter, 200, ct);
        var units = (await s.Units.GetSubtreeAsync(session.Unit.Id, ct)).ToDictionary(u => u.Id, u => u.Name);
        return Pages.Render<PostListPage>(new { Session = session, Posts = posts, UnitNames = units, Status = filter,
            Notice = ConsoleNotices.Text(notice) });
    }

    private static async Task<IResult> NewAsync(HttpContext http, ConsoleStore store, [AsParameters] StaffApiServices s,
        CancellationToken ct)
    {
        var session = http.Session();
        return StaffRoles.CanWrite(session.User.Role)
            ? await FormAsync(session, PostForm.New(session.Unit.Id), null, null, null, store, s, ct)
            : Pages.Forbidden(session, "Chỉ biên tập viên hoặc quản trị mới viết bài được.");
    }

    private static async Task<IResult> CreateAsync(
        [FromForm] PostForm form, HttpContext http, ConsoleStore store, MessagePreviewer previewer, [AsParameters] StaffApiServices s,
        CancellationToken ct)
    {
        var session = http.Session();
        if (!StaffRoles.CanWrite(session.User.Role))
        {
            return Pages.Forbidden(session, "Chỉ biên tập viên hoặc quản trị mới viết bài được.");
        }

        var problems = await PostsApi.ProblemsAsync(form.ToRequest(), session, s, ct);
        if (form.IsPreview || problems.Count > 0)
        {
            var previews = form.IsPreview ? previewer.Preview(form.ToDraft(session.Unit.Id)) : null;
            return await FormAsync(session, form, null, Shown(problems), previews, store, s, ct);
        }

        var post = await s.Posts.CreateAsync(PostsApi.ToPost(form.ToRequest(), session, session.User.Id), ct);
        return Pages.SeeOther(ConsolePaths.Post(post.Id), ConsoleNotices.Created);
    }

    private static async Task<IResult> EditAsync(long id, HttpContext http, ConsoleStore store, [AsParameters] StaffApiServices s,
        CancellationToken ct)
    {
        var session = http.Session();
        if (await PostsApi.VisiblePostAsync(id, session, s, ct) is not { } post)
        {
            return Pages.NotFound(session);
        }

        return EditRefusal(session, post) is { } refusal
            ? Pages.Forbidden(session, refusal)
            : await FormAsync(session, PostForm.From(post), id, null, null, store, s, ct);
    }

    private static async Task<IResult> UpdateAsync(
        long id, [FromForm] PostForm form, HttpContext http, ConsoleStore store, MessagePreviewer previewer,
        [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        if (await PostsApi.VisiblePostAsync(id, session, s, ct) is not { } existing)
        {
            return Pages.NotFound(session);
        }

        if (EditRefusal(session, existing) is { } refusal)
        {
            return Pages.Forbidden(session, refusal);
        }

        var problems = await PostsApi.ProblemsAsync(form.ToRequest(), session, s, ct);
        if (form.IsPreview || problems.Count > 0)
        {
            var previews = form.IsPreview ? previewer.Preview(form.ToDraft(existing.OrgUnitId)) : null;
            return await FormAsync(session, form, id, Shown(problems), previews, store, s, ct);
        }

        var updated = PostsApi.ToPost(form.ToRequest(), session, existing.CreatedBy) with { Id = id, OrgUnitId = existing.OrgUnitId };
        return await s.Posts.UpdateDraftAsync(updated, ct)
            ? Pages.SeeOther(ConsolePaths.Post(id), ConsoleNotices.Saved)
            : Pages.Problem("Không sửa được", "Chỉ sửa được bài ở trạng thái nháp; bài này vừa đổi trạng thái.",
                StatusCodes.Status409Conflict, session);
    }

    private static string? EditRefusal(StaffSession session, Post post) =>
        !StaffRoles.CanWrite(session.User.Role) ? "Chỉ biên tập viên hoặc quản trị mới sửa bài được."
        : post.Status != PostStatuses.Draft ? "Chỉ sửa được bài ở trạng thái nháp."
        : null;

    // A preview shows the problems too, so the writer sees them before she tries to save.
    private static Dictionary<string, string[]>? Shown(Dictionary<string, string[]> problems) => problems.Count > 0 ? problems : null;

    private static async Task<IResult> FormAsync(
        StaffSession session, PostForm form, long? id, Dictionary<string, string[]>? problems, IReadOnlyList<ChannelPreview>? previews,
        ConsoleStore store, StaffApiServices s, CancellationToken ct)
    {
        var options = await PostFormOptions.LoadAsync(session, store, s.Units, ct);
        var status = problems is not null && !form.IsPreview ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return Pages.Render<PostEditPage>(new { Session = session, Form = form, Options = options, PostId = id, Problems = problems,
            Previews = previews }, status);
    }
}
