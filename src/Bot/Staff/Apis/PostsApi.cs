using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Posts;

namespace Outreach.Bot.Staff.Apis;

/// <summary>/staff/api/posts: create, edit, list and read posts, and preview their audience; the lifecycle in PostTransitionsApi. A thin adapter over <see cref="PostService"/>.</summary>
public static class PostsApi
{
    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var posts = api.MapGroup("/posts").RequireStaff();
        posts.MapPost("", async (PostRequest request, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.CreateAsync(http.Session(), request, ct), p => TypedResults.Created($"/staff/api/posts/{p.Id}", PostView.Of(p))));
        posts.MapGet("", async (string? status, HttpContext http, PostService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(http.Session(), status, ct)).Select(PostView.Of)));
        posts.MapGet("/{id:long}", async (long id, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.RecordAsync(http.Session(), id, ct), r => TypedResults.Ok(new { post = PostView.Of(r.Post), r.Transitions, r.Broadcasts, r.Publications, r.Reach })));
        posts.MapPut("/{id:long}", async (long id, PostRequest request, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.UpdateAsync(http.Session(), id, request, ct), p => TypedResults.Ok(PostView.Of(p))));
        posts.MapGet("/{id:long}/audience", AudienceAsync);
        posts.MapPost("/{id:long}/image", UploadImageAsync);
        posts.MapDelete("/{id:long}/image", async (long id, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.RemoveImageAsync(http.Session(), id, ct), p => TypedResults.Ok(PostView.Of(p))));
        posts.MapPostTransitions();
        return api;
    }

    // The image as the form field "file" (multipart) or as the request body itself; its type is read from its content.
    private static async Task<IResult> UploadImageAsync(
        long id, HttpContext http, PostService service, Content.Publishing.PostImageStore images,
        Microsoft.Extensions.Options.IOptions<Scheduler.Publishing.PublishingOptions> options, CancellationToken ct)
    {
        byte[]? bytes = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is { } file)
            {
                await using var stream = file.OpenReadStream();
                bytes = await PostService.ReadUploadAsync(stream, options.Value.MaxImageBytes, ct);
            }
        }
        else
        {
            bytes = await PostService.ReadUploadAsync(http.Request.Body, options.Value.MaxImageBytes, ct);
        }

        return ApiResults.From(await service.AttachImageAsync(http.Session(), id, bytes, images, options, ct), image => TypedResults.Ok(image));
    }

    private static async Task<IResult> AudienceAsync(long id, HttpContext http, PostService service, CancellationToken ct) =>
        ApiResults.From(await service.AudienceAsync(http.Session(), id, ct), rows => TypedResults.Ok(new
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
        }));
}

/// <summary>A post as the API shows it: the audience as flat fields (as it always was) and whole.</summary>
public sealed record PostView(
    long Id, long OrgUnitId, string Title, string Body, string? LinkUrl, string Topic, bool IsPromotional, IReadOnlyList<string> Channels,
    IReadOnlyList<long> AudienceUnitIds, Content.Broadcasts.Audience Audience, string Status, string? ScheduleKind, DateTimeOffset? SendAt,
    string? Cron, long CreatedBy, long? ApprovedBy, IReadOnlyList<string> Destinations, long? ImageId)
{
    public static PostView Of(Post p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.Id, p.OrgUnitId, p.Title, p.Body, p.LinkUrl, p.Topic, p.IsPromotional, p.Audience.Channels, p.Audience.Units, p.Audience, p.Status,
            p.ScheduleKind, p.SendAt, p.Cron, p.CreatedBy, p.ApprovedBy, p.Destinations, p.ImageId);
    }
}
