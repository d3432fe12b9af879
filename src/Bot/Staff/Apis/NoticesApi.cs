using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Notices;

namespace Outreach.Bot.Staff.Apis;

/// <summary>GET /staff/api/notices: what the staff member is to be told now (the console's live banner and menu count poll it).</summary>
public static class NoticesApi
{
    public static RouteGroupBuilder MapNoticesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGroup("/notices").RequireStaff().MapGet("", async (HttpContext http, NoticeService notices, CancellationToken ct) =>
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
