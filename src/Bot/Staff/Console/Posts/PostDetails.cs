using Microsoft.AspNetCore.Http;
using Outreach.Bot.Channels;
using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Previews;
using Outreach.Bot.Staff.Console.Layout;
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
    DateTimeOffset? FirstAllowedSendAt)
{
    /// <summary>The action that edits a draft (the other actions are named after the status they lead to).</summary>
    public const string Edit = "edit";

    /// <summary>GET /staff/posts/{id}.</summary>
    public static async Task<IResult> ShowAsync(
        long id, string? notice, HttpContext http, [AsParameters] ConsoleServices c, [AsParameters] StaffApiServices s,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var session = http.Session();
        return await LoadAsync(id, session, c, s, ct) is { } details
            ? Page(session, details, ConsoleNotices.Text(notice), null, StatusCodes.Status200OK)
            : Pages.NotFound(session);
    }

    /// <summary>The post page, with the problems of a form on it (scheduling, rejecting) when there are some.</summary>
    public static IResult Page(StaffSession session, PostDetails details, string? notice, IReadOnlyDictionary<string, string[]>? problems,
        int status) =>
        Pages.Render<PostPage>(new { Session = session, Details = details, Notice = notice, Problems = problems }, status);

    /// <summary>The details of a post this staff member may see; null for a post of another unit, as for one that does not exist.</summary>
    public static async Task<PostDetails?> LoadAsync(
        long id, StaffSession session, ConsoleServices c, StaffApiServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(s);
        if (await PostsApi.VisiblePostAsync(id, session, s, ct) is not { } post)
        {
            return null;
        }

        var unit = (await s.Units.FindAsync(post.OrgUnitId, ct))!;
        var audience = AudienceSummary.Of(await s.Preview.PreviewAsync(post, s.Time.GetUtcNow(), ct));
        var history = new List<(PostTransition, string)>();
        var names = new Dictionary<long, string>();
        foreach (var step in await s.Posts.TransitionsAsync(id, ct))
        {
            history.Add((step, step.ActorId is { } actor ? await NameAsync(actor, names, c.Staff, ct) : "Hệ thống"));
        }

        var firstAllowed = post.SendAt is { } at && post.Status == PostStatuses.Scheduled
            ? s.QuietHours.NextAllowed(post, at)
            : (DateTimeOffset?)null;
        return new PostDetails(
            post, unit, NameOf(await c.Store.TopicsAsync(ct), post.Topic), c.Previewer.Preview(post), audience, history,
                await s.Broadcasts.ListForPostAsync(id, ct),
            AllowedSteps(session, post, unit), firstAllowed);
    }

    // Exactly the transitions PostWorkflow allows her, so the page offers no button the API would refuse.
    private static HashSet<string> AllowedSteps(StaffSession session, Post post, OrgUnit unit)
    {
        var allowed = new[] { PostStatuses.Submitted, PostStatuses.Approved, PostStatuses.Draft, PostStatuses.Scheduled,
            PostStatuses.Cancelled }
            .Where(to => PostWorkflow.Refusal(session.User, session.Unit, post, unit, to) is null)
            .ToHashSet(StringComparer.Ordinal);
        if (post.Status == PostStatuses.Draft && StaffRoles.CanWrite(session.User.Role))
        {
            allowed.Add(Edit);
        }

        return allowed;
    }

    private static string NameOf(IReadOnlyList<Topic> topics, string code) => topics.FirstOrDefault(t => t.Code == code)?.Name ?? code;

    private static async Task<string> NameAsync(long id, Dictionary<long, string> names, StaffUserStore staff, CancellationToken ct)
    {
        if (!names.TryGetValue(id, out var name))
        {
            name = names[id] = (await staff.FindAsync(id, ct))?.DisplayName ?? "?";
        }

        return name;
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
