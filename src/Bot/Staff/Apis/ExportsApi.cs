using System.Globalization;
using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Channels;
using Outreach.Content.Reports;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/exports: the report of a unit and period as Excel (<c>reach.xlsx</c>, every table a sheet) or CSV
/// (<c>reach.csv?table=tong-quan|don-vi|dot-gui|chi-tieu</c>). Built from the very objects the JSON API returns, with the
/// same scoping: another unit's report does not exist for the caller.
/// </summary>
public static class ExportsApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var exports = api.MapGroup("/exports").RequireStaff();
        exports.MapGet("/reach.xlsx", WorkbookAsync);
        exports.MapGet("/reach.csv", CsvAsync);
        return api;
    }

    private static async Task<IResult> WorkbookAsync(
        long? unitId, string? period, HttpContext http, [AsParameters] ReachApiServices s, ChannelCatalog channels, CancellationToken ct)
    {
        var (unit, found, problem) = await s.ResolveAsync(http.Session(), unitId, period, ct);
        if (problem is not null)
        {
            return problem;
        }

        var reach = await s.Reach.ReportAsync(unit!, found!, ct);
        var targets = await s.TargetQuery.ReportAsync(unit!, found!, ct);
        var buffer = new MemoryStream();
        await ReachExports.WriteWorkbookAsync(buffer, reach, targets, channels, s.Time.GetUtcNow(), ct);
        buffer.Position = 0;
        return Results.File(buffer, XlsxType, FileName(unit!.Id, found!.Code, "xlsx"));
    }

    private static async Task<IResult> CsvAsync(
        long? unitId, string? period, string? table, HttpContext http, [AsParameters] ReachApiServices s, ChannelCatalog channels, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(table) ? ReachReportTables.Summary : table.Trim();
        if (!ReachReportTables.Names.Contains(name))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["table"] = [$"Bảng là một trong: {string.Join(", ", ReachReportTables.Names)}."] },
                title: "Dữ liệu chưa hợp lệ");
        }

        var (unit, found, problem) = await s.ResolveAsync(http.Session(), unitId, period, ct);
        if (problem is not null)
        {
            return problem;
        }

        var reach = await s.Reach.ReportAsync(unit!, found!, ct);
        var targets = await s.TargetQuery.ReportAsync(unit!, found!, ct);
        var buffer = new MemoryStream();
        await ReachExports.WriteCsvAsync(buffer, ReachReportTables.Build(name, reach, targets, channels), ct);
        buffer.Position = 0;
        return Results.File(buffer, "text/csv; charset=utf-8", FileName(unit!.Id, found!.Code, name + ".csv"));
    }

    private static string FileName(long unitId, string period, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"bao-cao-{period}-don-vi-{unitId}.{extension}");
}
