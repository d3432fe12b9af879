using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Handoffs;
using Outreach.Bot.Staff.Handoffs;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/handoffs: the console's handoff inbox as JSON, on the same rules (<see cref="HandoffService"/>): the caller's
/// unit and below, another unit's handoff or alert is a 404, viewers only read (403 on every POST).
/// </summary>
public static class HandoffsApi
{
    public static RouteGroupBuilder MapHandoffsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var handoffs = api.MapGroup("/handoffs").RequireStaff();
        handoffs.MapGet("/", async (HttpContext http, HandoffService service, CancellationToken ct) =>
        {
            var inbox = await service.InboxAsync(http.Session(), ct);
            return TypedResults.Ok(new { handoffs = inbox.Handoffs, alerts = inbox.Alerts });
        });
        handoffs.MapGet("/{id:long}", async (long id, HttpContext http, HandoffService service, CancellationToken ct) =>
            ApiResults.From(await service.ConversationAsync(http.Session(), id, ct), c => TypedResults.Ok(new
            {
                handoff = c.Handoff,
                lines = c.Lines.Select(l => new { l.At, speaker = l.Speaker.ToString().ToLowerInvariant(), text = HandoffText.Line(l), l.Status }),
            })));
        handoffs.MapPost("/{id:long}/take", async (long id, HttpContext http, HandoffService service, CancellationToken ct) =>
            ApiResults.From(await service.TakeAsync(http.Session(), id, ct), h => TypedResults.Ok(h)));
        handoffs.MapPost("/{id:long}/reply", async (long id, ReplyRequest request, HttpContext http, HandoffService service, CancellationToken ct) =>
            ApiResults.From(await service.ReplyAsync(http.Session(), id, request?.Text, ct), _ => TypedResults.Ok(new { result = "sent" })));
        handoffs.MapPost("/{id:long}/release", async (long id, HttpContext http, HandoffService service, CancellationToken ct) =>
            ApiResults.From(await service.ReleaseAsync(http.Session(), id, ct), h => TypedResults.Ok(h)));
        handoffs.MapPost("/alerts/{id:long}/done", async (long id, HttpContext http, HandoffService service, CancellationToken ct) =>
            ApiResults.From(await service.AcknowledgeAlertAsync(http.Session(), id, ct), _ => TypedResults.NoContent()));
        return api;
    }

    /// <summary>A staff reply: at most 2,000 characters.</summary>
    public sealed record ReplyRequest(string? Text);
}
