using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Reach;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/exports: the report of a unit and period as Excel (<c>reach.xlsx</c>, every table a sheet) or CSV
/// (<c>reach.csv?table=tong-quan|don-vi|dot-gui|chi-tieu|hoi-vien</c>), built from the very objects the JSON API returns,
/// with the same scoping (<see cref="ReachService"/>), offered as "Báo cáo - &lt;unit&gt; - &lt;period&gt;.xlsx".
/// </summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var exports = api.MapGroup("/exports").RequireStaff();
        exports.MapGet("/reach.xlsx", async (long? unitId, string? period, HttpContext http, ReachService service, CancellationToken ct) =>
            ApiResults.From(await service.WorkbookAsync(http.Session(), unitId, period, ct), File));
        exports.MapGet("/reach.csv", async (long? unitId, string? period, string? table, HttpContext http, ReachService service, CancellationToken ct) =>
            ApiResults.From(await service.CsvAsync(http.Session(), unitId, period, table, ct), File));
        return api;
    }

    private static IResult File(ReportFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}
