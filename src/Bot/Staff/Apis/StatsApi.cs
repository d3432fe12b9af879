using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;
using Outreach.Content.Stats;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/stats: the reach dashboard's data (<c>GET reach?unitId=&amp;period=</c>: a <see cref="ReachReport"/>, the same
/// object the exports write) and the reporting periods (years exist by themselves; admins of a top unit define terms).
/// </summary>
public static partial class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var stats = api.MapGroup("/stats").RequireStaff();
        stats.MapGet("/reach", ReachAsync);
        stats.MapGet("/periods", PeriodsAsync);
        stats.MapPost("/periods", CreatePeriodAsync);
        return api;
    }

    /// <summary>A term or custom period: code (e.g. "2021-2026"), Vietnamese name, first and last day.</summary>
    public sealed record PeriodRequest(string? Kind, string? Code, string? Name, DateOnly? StartsOn, DateOnly? EndsOn);

    private static async Task<IResult> ReachAsync(long? unitId, string? period, HttpContext http, [AsParameters] ReachApiServices s, CancellationToken ct)
    {
        var (unit, found, problem) = await s.ResolveAsync(http.Session(), unitId, period, ct);
        return problem ?? TypedResults.Ok(await s.Reach.ReportAsync(unit!, found!, ct));
    }

    private static async Task<IResult> PeriodsAsync([AsParameters] ReachApiServices s, CancellationToken ct) =>
        TypedResults.Ok(await s.Periods.ListAsync(ct));

    private static async Task<IResult> CreatePeriodAsync(PeriodRequest request, HttpContext http, [AsParameters] ReachApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        if (session.User.Role != StaffRoles.Admin || session.Unit.ParentId is not null)
        {
            return PostsApi.Forbidden("Chỉ quản trị của đơn vị cấp cao nhất mới định nghĩa kỳ báo cáo.");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Kind is not (ReportPeriodKinds.Term or ReportPeriodKinds.Custom))
        {
            errors["kind"] = ["Loại kỳ là 'term' (nhiệm kỳ) hoặc 'custom'."];
        }

        if (request.Code is null || !CodePattern().IsMatch(request.Code) || request.Code.Length == 4)
        {
            errors["code"] = ["Mã kỳ gồm chữ, số, '-' hoặc '_' (tối đa 32 ký tự), ví dụ 2021-2026; mã 4 chữ số dành cho năm."];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 120)
        {
            errors["name"] = ["Tên kỳ là bắt buộc, tối đa 120 ký tự."];
        }

        if (request.StartsOn is not { } start || request.EndsOn is not { } end || end < start || end > start.AddYears(10))
        {
            errors["endsOn"] = ["Cần ngày bắt đầu và ngày kết thúc (không trước ngày bắt đầu, tối đa 10 năm)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Dữ liệu chưa hợp lệ");
        }

        var created = await s.Periods.CreateAsync(request.Kind!, request.Code!, request.Name!.Trim(), request.StartsOn!.Value, request.EndsOn!.Value, ct);
        return created is null ? PostsApi.Conflict($"Mã kỳ '{request.Code}' đã có.") : TypedResults.Created($"/staff/api/stats/periods/{created.Code}", created);
    }

    [GeneratedRegex("^[0-9A-Za-z_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
