using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Channels;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Console.Previews;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Posts;
using Outreach.Content.Channels;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>/staff/posts: the list, writing a post (with a preview before saving) and editing a draft, over <see cref="PostService"/>.</summary>
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
        console.MapPost("/posts/{id:long}/image", UploadImageAsync);
        console.MapGet("/posts/{id:long}/image", ShowImageAsync);
        console.MapPostActions();
        return console;
    }

    private static async Task<IResult> ListAsync(string? status, string? notice, HttpContext http, PostService posts, CancellationToken ct)
    {
        var session = http.Session();
        var filter = status is { Length: > 0 } && ConsoleText.PostStatus(status) != status ? status : null;
        var list = await posts.ListAsync(session, filter, ct);
        var units = (await posts.UnitsAsync(session, ct)).ToDictionary(u => u.Key, u => u.Value.Name);
        return Pages.Render<PostListPage>(new { Session = session, Posts = list, UnitNames = units, Status = filter,
            Notice = ConsoleNotices.Text(notice) });
    }

    private static async Task<IResult> NewAsync(HttpContext http, PostService posts, OfferedChannels channels, CancellationToken ct)
    {
        var session = http.Session();
        return PostService.WriteRefusal(session) is { } refusal
            ? Pages.Forbidden(session, refusal)
            : await FormAsync(session, PostForm.New(session.Unit.Id, await channels.ListAsync(ct)), null, null, null, posts, ct);
    }

    private static async Task<IResult> CreateAsync(
        [FromForm] PostForm form, HttpContext http, PostService posts, MessagePreviewer previewer, ChannelCatalog channels, CancellationToken ct)
    {
        var session = http.Session();
        if (PostService.WriteRefusal(session) is { } refusal)
        {
            return Pages.Forbidden(session, refusal);
        }

        if (form.IsPreview)
        {
            var problems = await posts.ProblemsAsync(session, form.ToRequest(), ct);
            return await FormAsync(session, form, null, Shown(problems), previewer.Preview(form.ToDraft(session.Unit.Id, channels.Contains)), posts, ct);
        }

        var created = await posts.CreateAsync(session, form.ToRequest(), ct);
        return created.IsOk ? Pages.SeeOther(ConsolePaths.Post(created.Value.Id), ConsoleNotices.Created)
            : created.Refusal.Kind == StaffRefusalKind.Invalid ? await FormAsync(session, form, null, created.Refusal.Problems, null, posts, ct)
            : Pages.Refusal(session, created.Refusal);
    }

    // The editor's image form: a JPEG or PNG checked by its content; a problem shows on the editor, the post unchanged.
    private static async Task<IResult> UploadImageAsync(
        long id, HttpContext http, PostService posts, Content.Publishing.PostImageStore images,
        Microsoft.Extensions.Options.IOptions<Scheduler.Publishing.PublishingOptions> options, CancellationToken ct)
    {
        var session = http.Session();
        var form = await http.Request.ReadFormAsync(ct);
        byte[]? bytes = null;
        if (form.Files.GetFile("file") is { } file)
        {
            await using var stream = file.OpenReadStream();
            bytes = await PostService.ReadUploadAsync(stream, options.Value.MaxImageBytes, ct);
        }

        var saved = await posts.AttachImageAsync(session, id, bytes, images, options, ct);
        if (saved.IsOk)
        {
            return Pages.SeeOther(ConsolePaths.EditPost(id), ConsoleNotices.ImageSaved);
        }

        var found = await posts.FindAsync(session, id, ct);
        return saved.Refusal.Kind == StaffRefusalKind.Invalid && found.IsOk
            ? await FormAsync(session, PostForm.From(found.Value.Post), id, saved.Refusal.Problems, null, posts, ct, found.Value.Post.ImageId, StatusCodes.Status400BadRequest)
            : Pages.Refusal(session, saved.Refusal);
    }

    private static async Task<IResult> ShowImageAsync(long id, HttpContext http, PostService posts, Content.Publishing.PostImageStore images, CancellationToken ct)
    {
        var found = await posts.FindAsync(http.Session(), id, ct);
        if (!found.IsOk || found.Value.Post.ImageId is not { } imageId || await images.FindAsync(imageId, ct) is not { } image
            || await images.ReadAsync(imageId, ct) is not { } bytes)
        {
            return Results.NotFound();
        }

        return Results.File(bytes, image.ContentType);
    }

    private static async Task<IResult> EditAsync(long id, string? notice, HttpContext http, PostService posts, CancellationToken ct)
    {
        var session = http.Session();
        var found = await posts.FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return Pages.Refusal(session, found.Refusal);
        }

        return PostService.EditRefusal(session, found.Value.Post) is { } refusal
            ? Pages.Refusal(session, refusal)
            : await FormAsync(session, PostForm.From(found.Value.Post), id, null, null, posts, ct, found.Value.Post.ImageId, notice: ConsoleNotices.Text(notice));
    }

    private static async Task<IResult> UpdateAsync(
        long id, [FromForm] PostForm form, HttpContext http, PostService posts, MessagePreviewer previewer, ChannelCatalog channels, CancellationToken ct)
    {
        var session = http.Session();
        if (form.IsPreview)
        {
            var found = await posts.FindAsync(session, id, ct);
            if (!found.IsOk)
            {
                return Pages.Refusal(session, found.Refusal);
            }

            var problems = await posts.ProblemsAsync(session, form.ToRequest(), ct, found.Value.Post.OrgUnitId);
            var previews = previewer.Preview(form.ToDraft(found.Value.Post.OrgUnitId, channels.Contains));
            return await FormAsync(session, form, id, Shown(problems), previews, posts, ct);
        }

        var updated = await posts.UpdateAsync(session, id, form.ToRequest(), ct);
        return updated.IsOk
            ? Pages.SeeOther(ConsolePaths.Post(id), updated.Value.Status == PostStatuses.Draft ? ConsoleNotices.Saved : ConsoleNotices.Resubmitted)
            : updated.Refusal.Kind == StaffRefusalKind.Invalid ? await FormAsync(session, form, id, updated.Refusal.Problems, null, posts, ct)
            : Pages.Refusal(session, updated.Refusal);
    }

    // A preview shows the problems too, so the writer sees them before she tries to save.
    private static Dictionary<string, string[]>? Shown(Dictionary<string, string[]> problems) => problems.Count > 0 ? problems : null;

    private static async Task<IResult> FormAsync(
        StaffSession session, PostForm form, long? id, IReadOnlyDictionary<string, string[]>? problems, IReadOnlyList<ChannelPreview>? previews,
        PostService posts, CancellationToken ct, long? imageId = null, int? statusCode = null, string? notice = null)
    {
        var options = await PostFormOptions.LoadAsync(session, posts, ct);
        var status = statusCode ?? (problems is not null && !form.IsPreview ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        var feed = previews is not null && form.Destinations.Contains(PostDestinations.FacebookFeed)
            ? Outreach.Scheduler.Publishing.FeedPost.Of(form.Title ?? "", form.Body ?? "", string.IsNullOrWhiteSpace(form.LinkUrl) ? null : form.LinkUrl.Trim())
            : null;
        return Pages.Render<PostEditPage>(new { Session = session, Form = form, Options = options, PostId = id, Problems = problems,
            Previews = previews, FeedPreview = feed, ImageId = imageId, Notice = notice }, status);
    }
}
