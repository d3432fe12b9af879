using Outreach.Bot.Staff.Auth;

namespace Outreach.Bot.Staff.Posts;

/// <summary>The audience estimate before sending or scheduling: one service for the console's confirmation and the JSON API.</summary>
public sealed partial class PostService
{
    /// <summary>
    /// How many members the post would reach if scheduled as <paramref name="request"/> asks, counted at the instant it would really
    /// go out (the next occurrence, pushed past the quiet hours), by the planner's rules. Nothing is changed.
    /// </summary>
    public async Task<StaffResult<SendEstimate>> EstimateAsync(StaffSession session, long id, ScheduleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        if (PostRules.Check(request, now) is { Count: > 0 } problems)
        {
            return StaffRefusal.Invalid(problems, "Lịch gửi chưa hợp lệ");
        }

        var found = await FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var post = found.Value.Post;
        var requestedAt = request.FirstOccurrence(now);
        if (requestedAt < now)
        {
            requestedAt = now;
        }

        var sendsAt = quietHours.NextAllowed(post, requestedAt);
        var rows = await preview.PreviewAsync(post, sendsAt, ct);
        var names = new List<(long, string)>();
        foreach (var unitId in post.Audience.Units)
        {
            if (await units.FindAsync(unitId, ct) is { } unit)
            {
                names.Add((unit.Id, unit.Name));
            }
        }

        return SendEstimate.Of(requestedAt, sendsAt, rows, names, channels);
    }
}
