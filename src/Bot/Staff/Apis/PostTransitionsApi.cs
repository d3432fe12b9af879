using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Posts;

namespace Outreach.Bot.Staff.Apis;

/// <summary>/staff/api/posts/{id}/submit|approve|reject|schedule|cancel: the lifecycle (and estimate: who a schedule would reach), each step checked and audited by <see cref="PostService"/>.</summary>
public static class PostTransitionsApi
{
    public static RouteGroupBuilder MapPostTransitions(this RouteGroupBuilder posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        posts.MapPost("/{id:long}/submit", async (long id, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.SubmitAsync(http.Session(), id, ct), p => TypedResults.Ok(PostView.Of(p))));
        posts.MapPost("/{id:long}/approve", async (long id, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.ApproveAsync(http.Session(), id, ct), p => TypedResults.Ok(PostView.Of(p))));
        posts.MapPost("/{id:long}/reject", async (long id, NoteRequest request, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.RejectAsync(http.Session(), id, request.Note, ct), p => TypedResults.Ok(PostView.Of(p))));
        posts.MapPost("/{id:long}/schedule", async (long id, ScheduleRequest request, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.ScheduleAsync(http.Session(), id, request, ct),
                s => TypedResults.Ok(new { post = PostView.Of(s.Post), firstAllowedSendAt = s.FirstAllowedSendAt })));
        posts.MapPost("/{id:long}/estimate", async (long id, ScheduleRequest request, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.EstimateAsync(http.Session(), id, request, ct), e => TypedResults.Ok(new
            {
                requestedAt = e.RequestedAt,
                sendsAt = e.SendsAt,
                shiftedByQuietHours = e.IsShifted,
                reachable = e.Reachable,
                unreachable = e.Unreachable,
                reasons = e.Reasons.ToDictionary(r => r.Reason, r => r.Count),
                zeroCause = e.ZeroCause,
                units = e.Units.Select(u => new { orgUnitId = u.Id, name = u.Name }),
            })));
        posts.MapPost("/{id:long}/cancel", async (long id, NoteRequest request, HttpContext http, PostService service, CancellationToken ct) =>
            ApiResults.From(await service.CancelAsync(http.Session(), id, request.Note, ct), p => TypedResults.Ok(PostView.Of(p))));
        return posts;
    }
}
