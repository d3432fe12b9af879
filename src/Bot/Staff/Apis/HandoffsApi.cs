using Microsoft.AspNetCore.Http;
using Outreach.Bot.Handoffs;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Handoffs;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/handoffs: the console's handoff inbox as JSON, on the same rules: the caller's unit and below (members with no
/// unit: top-level units only), another unit's handoff or alert is a 404, viewers only read (403 on every POST).
/// </summary>
public static class HandoffsApi
{
    public static RouteGroupBuilder MapHandoffsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var handoffs = api.MapGroup("/handoffs").RequireStaff();
        handoffs.MapGet("/", ListAsync);
        handoffs.MapGet("/{id:long}", GetAsync);
        handoffs.MapPost("/{id:long}/take", TakeAsync);
        handoffs.MapPost("/{id:long}/reply", ReplyAsync);
        handoffs.MapPost("/{id:long}/release", ReleaseAsync);
        handoffs.MapPost("/alerts/{id:long}/done", AlertDoneAsync);
        return api;
    }

    /// <summary>A staff reply: at most 2,000 characters.</summary>
    public sealed record ReplyRequest(string? Text);

    private static async Task<IResult> ListAsync(HttpContext http, [AsParameters] HandoffServices h, CancellationToken ct)
    {
        var session = http.Session();
        return TypedResults.Ok(new
        {
            handoffs = await h.Handoffs.ListAsync(session.Unit.Id, ct),
            alerts = await h.Alerts.ListOpenAsync(session.Unit.Id, ct),
        });
    }

    private static async Task<IResult> GetAsync(long id, HttpContext http, [AsParameters] HandoffServices h, CancellationToken ct)
    {
        if (await h.Handoffs.FindAsync(id, http.Session().Unit.Id, ct) is not { } handoff)
        {
            return PostsApi.NotFound();
        }

        var lines = await h.History.LoadAsync(handoff.ContactId, ct);
        return TypedResults.Ok(new
        {
            handoff,
            lines = lines.Select(l => new { l.At, speaker = l.Speaker.ToString().ToLowerInvariant(), text = HandoffText.Line(l), l.Status }),
        });
    }

    private static async Task<IResult> TakeAsync(long id, HttpContext http, [AsParameters] HandoffServices h, CancellationToken ct)
    {
        var session = http.Session();
        if (await CheckAsync(id, session, h, ct) is { } refusal)
        {
            return refusal;
        }

        return await h.Handoffs.TakeAsync(id, session.Unit.Id, HandoffAccess.StaffId(session), ct) is not null
            ? TypedResults.Ok(await h.Handoffs.FindAsync(id, session.Unit.Id, ct))
            : PostsApi.Conflict("Cán bộ khác đang hỗ trợ hội viên này, hoặc cuộc trò chuyện đã kết thúc.");
    }

    private static async Task<IResult> ReplyAsync(long id, ReplyRequest request, HttpContext http, [AsParameters] HandoffServices h,
        CancellationToken ct)
    {
        var session = http.Session();
        if (await CheckAsync(id, session, h, ct) is { } refusal)
        {
            return refusal;
        }

        var handoff = (await h.Handoffs.FindAsync(id, session.Unit.Id, ct))!;
        var result = await h.Handoffs.ReplyAsync(id, session.Unit.Id, HandoffAccess.StaffId(session), request?.Text?.Trim() ?? "", ct);
        var message = HandoffText.ReplyError(result, h.Channels.DisplayName(handoff.Channel));
        return result switch
        {
            HandoffReplyResult.Sent => TypedResults.Ok(new { result = "sent" }),
            HandoffReplyResult.NotFound => PostsApi.NotFound(),
            HandoffReplyResult.InvalidText => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["text"] = [message] }, title: "Dữ liệu chưa hợp lệ"),
            _ => PostsApi.Conflict(message),
        };
    }

    private static async Task<IResult> ReleaseAsync(long id, HttpContext http, [AsParameters] HandoffServices h, CancellationToken ct)
    {
        var session = http.Session();
        if (await CheckAsync(id, session, h, ct) is { } refusal)
        {
            return refusal;
        }

        return await h.Handoffs.ReleaseAsync(id, session.Unit.Id, HandoffAccess.StaffId(session), ct)
            ? TypedResults.Ok(await h.Handoffs.FindAsync(id, session.Unit.Id, ct))
            : PostsApi.Conflict("Cuộc trò chuyện đã kết thúc trước đó.");
    }

    private static async Task<IResult> AlertDoneAsync(long id, HttpContext http, [AsParameters] HandoffServices h, CancellationToken ct)
    {
        var session = http.Session();
        if (!await h.Alerts.IsVisibleAsync(id, session.Unit.Id, ct))
        {
            return PostsApi.NotFound();
        }

        if (HandoffAccess.Refusal(session) is { } reason)
        {
            return PostsApi.Forbidden(reason);
        }

        await h.Alerts.AcknowledgeAsync(id, session.Unit.Id, HandoffAccess.StaffId(session), h.Time.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult?> CheckAsync(long id, StaffSession session, HandoffServices h, CancellationToken ct)
    {
        if (await h.Handoffs.FindAsync(id, session.Unit.Id, ct) is null)
        {
            return PostsApi.NotFound();
        }

        return HandoffAccess.Refusal(session) is { } reason ? PostsApi.Forbidden(reason) : null;
    }
}
