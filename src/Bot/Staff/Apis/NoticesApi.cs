using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Notices;
using Outreach.Bot.Staff.Notices.Mail;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// GET /staff/api/notices: what the staff member is to be told now (the console's live banner and menu count poll it).
/// GET/PUT /staff/api/notices/email: her own address for notices by e-mail (<c>{"email": "…"}</c>; empty or null: none).
/// </summary>
public static class NoticesApi
{
    public static RouteGroupBuilder MapNoticesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/notices").RequireStaff();
        group.MapGet("/email", async (HttpContext http, NoticeMailService mail, CancellationToken ct) =>
            TypedResults.Ok(await mail.SettingAsync(http.Session(), ct)));
        group.MapPut("/email", async (NoticeMailRequest request, HttpContext http, NoticeMailService mail, CancellationToken ct) =>
            ApiResults.From(await mail.SetAsync(http.Session(), request?.Email, ct), setting => TypedResults.Ok(setting)));
        group.MapGet("", async (HttpContext http, NoticeService notices, CancellationToken ct) =>
        {
            var current = await notices.CurrentAsync(http.Session(), ct);
            return TypedResults.Ok(new
            {
                total = current.Total,
                openAlerts = current.Scope.OpenAlerts,
                latestAlertId = current.Scope.LatestAlertId,
                waitingHandoffs = current.Scope.WaitingHandoffs,
                latestHandoffId = current.Scope.LatestHandoffId,
                awaitingApproval = current.Awaiting,
                returned = current.Returned,
            });
        });
        return api;
    }
}

/// <summary>PUT /staff/api/notices/email's body.</summary>
public sealed record NoticeMailRequest(string? Email);
