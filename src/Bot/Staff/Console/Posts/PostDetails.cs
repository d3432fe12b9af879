using Microsoft.AspNetCore.Http;
using Outreach.Bot.Channels;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Console.Previews;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Broadcasts;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>Everything the post page shows: the post, its previews, its audience now, its history, its sendings, and what this staff member
/// may do.</summary>
public sealed record PostDetails(
    Post Post,
    OrgUnit Unit,
    string TopicName,
    IReadOnlyList<ChannelPreview> Previews,
    AudienceSummary Audience,
    IReadOnlyList<(PostTransition Step, string Actor)> History,
    IReadOnlyList<Broadcast> Broadcasts,
    IReadOnlySet<string> Allowed,
    DateTimeOffset? FirstAllowedSendAt,
    IReadOnlyList<Content.Publishing.PostPublication> Publications,
    Content.Stats.PostReach Reach)
{
    /// <summary>The action that edits a draft (the other actions are named after the status they lead to).</summary>
    public const string Edit = PostService.Edit;

    /// <summary>GET /staff/posts/{id}.</summary>
    public static async Task<IResult> ShowAsync(
        long id, string? notice, HttpContext http, PostService posts, MessagePreviewer previewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var session = http.Session();
        return await LoadAsync(id, session, posts, previewer, ct) is { } details
            ? Page(session, details, ConsoleNotices.Text(notice), null, StatusCodes.Status200OK)
            : Pages.NotFound(session);
    }

    /// <summary>The post page, with the problems of a form on it (scheduling, rejecting) when there are some.</summary>
    public static IResult Page(StaffSession session, PostDetails details, string? notice, IReadOnlyDictionary<string, string[]>? problems,
        int status, ScheduleForm? schedule = null) =>
        Pages.Render<PostPage>(new { Session = session, Details = details, Notice = notice, Problems = problems, Schedule = schedule }, status);

    /// <summary>The details of a post this staff member may see; null for a post of another unit, as for one that does not exist.</summary>
    public static async Task<PostDetails?> LoadAsync(long id, StaffSession session, PostService posts, MessagePreviewer previewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(previewer);
        var record = await posts.RecordAsync(session, id, ct);
        var audience = await posts.AudienceAsync(session, id, ct);
        if (!record.IsOk || !audience.IsOk)
        {
            return null;
        }

        var (post, unit, transitions, broadcasts, publications, reach) = record.Value;
        var names = await posts.ActorNamesAsync(transitions, ct);
        var history = transitions.Select(step => (step, step.ActorId is { } actor ? names[actor] : "Hệ thống")).ToList();

        var topics = await posts.TopicsAsync(ct);
        return new PostDetails(
            post, unit, topics.FirstOrDefault(t => t.Code == post.Topic)?.Name ?? post.Topic, previewer.Preview(post),
            AudienceSummary.Of(audience.Value), history, broadcasts, PostService.AllowedSteps(session, new ScopedPost(post, unit)),
            posts.FirstAllowedSendAt(post), publications, reach);
    }
}

/// <summary>Who of the audience can be reached now, and why the others cannot (the preview before planning).</summary>
public sealed record AudienceSummary(int Reachable, int Unreachable, IReadOnlyList<(string Reason, int Count)> Reasons,
    IReadOnlyList<(string Unit, int Reachable)> Units)
{
    public static AudienceSummary Of(IReadOnlyList<AudiencePreviewRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new AudienceSummary(
            rows.Where(r => r.Reason is null).Sum(r => r.Count),
            rows.Where(r => r.Reason is not null).Sum(r => r.Count),
            rows.Where(r => r.Reason is not null)
                .GroupBy(r => r.Reason!)
                .Select(g => (g.Key, g.Sum(r => r.Count)))
                .OrderByDescending(x => x.Item2)
                .ToList(),
            rows.GroupBy(r => r.OrgUnitName).Select(g => (g.Key, g.Where(r => r.Reason is null).Sum(r => r.Count))).ToList());
    }
}
