using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;
using Outreach.Content.Targets;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/targets: a unit's targets for a period with progress written in Vietnamese (<c>GET ?unitId=&amp;period=</c>),
/// setting a target (admins and approvers, for their unit or below), entering the result of a manual indicator (anyone but
/// viewers), and the list of indicators.
/// </summary>
public static class TargetsApi
{
    public static RouteGroupBuilder MapTargetsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var targets = api.MapGroup("/targets").RequireStaff();
        targets.MapGet("", ReportAsync);
        targets.MapGet("/indicators", async ([AsParameters] ReachApiServices s, CancellationToken ct) => TypedResults.Ok(await s.Targets.ListIndicatorsAsync(ct)));
        targets.MapPut("", SetTargetAsync);
        targets.MapPut("/results", SetResultAsync);
        return api;
    }

    /// <summary>A target or a result: the indicator's code, the unit (hers when absent), the period (this year when absent), the value.</summary>
    public sealed record TargetRequest(string? Indicator, long? UnitId, string? Period, decimal? Value, string? Note);

    private static async Task<IResult> ReportAsync(long? unitId, string? period, HttpContext http, [AsParameters] ReachApiServices s, CancellationToken ct)
    {
        var (unit, found, problem) = await s.ResolveAsync(http.Session(), unitId, period, ct);
        return problem ?? TypedResults.Ok(await s.TargetQuery.ReportAsync(unit!, found!, ct));
    }

    private static Task<IResult> SetTargetAsync(TargetRequest request, HttpContext http, [AsParameters] ReachApiServices s, CancellationToken ct) =>
        WriteAsync(request, http.Session(), s, isTarget: true, ct);

    private static Task<IResult> SetResultAsync(TargetRequest request, HttpContext http, [AsParameters] ReachApiServices s, CancellationToken ct) =>
        WriteAsync(request, http.Session(), s, isTarget: false, ct);

    private static async Task<IResult> WriteAsync(TargetRequest request, StaffSession session, ReachApiServices s, bool isTarget, CancellationToken ct)
    {
        var allowed = isTarget ? StaffRoles.CanApprove(session.User.Role) : session.User.Role != StaffRoles.Viewer;
        var (unit, period, problem) = await s.ResolveAsync(session, request.UnitId, request.Period, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!allowed)
        {
            return PostsApi.Forbidden(isTarget ? "Chỉ quản trị hoặc người duyệt mới giao chỉ tiêu." : "Tài khoản chỉ xem không nhập được kết quả.");
        }

        var indicator = request.Indicator is { Length: > 0 } code ? await s.Targets.FindIndicatorAsync(code, ct) : null;
        var errors = new Dictionary<string, string[]>();
        if (indicator is null)
        {
            errors["indicator"] = [$"Chỉ tiêu '{request.Indicator}' không tồn tại."];
        }
        else if (!isTarget && indicator.Source != IndicatorSources.Manual)
        {
            errors["indicator"] = ["Kết quả của chỉ tiêu này được tính tự động, không nhập tay."];
        }

        if (request.Value is not { } value || value < 0 || (isTarget && value == 0) || value > 1_000_000_000_000m || decimal.Round(value, 2) != value)
        {
            errors["value"] = [isTarget ? "Chỉ tiêu phải là số lớn hơn 0 (tối đa 2 chữ số thập phân)." : "Kết quả phải là số không âm (tối đa 2 chữ số thập phân)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Dữ liệu chưa hợp lệ");
        }

        var note = request.Note?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, 500)] : null;
        var (indicatorId, unitId, periodId, now) = (indicator!.Id, unit!.Id, period!.Id, s.Time.GetUtcNow());
        if (isTarget)
        {
            await s.Targets.SetTargetAsync(indicatorId, unitId, periodId, request.Value!.Value, note, session.User.Id, now, ct);
        }
        else
        {
            await s.Targets.SetResultAsync(indicatorId, unitId, periodId, request.Value!.Value, note, session.User.Id, now, ct);
        }

        return TypedResults.Ok(await s.TargetQuery.ReportAsync(unit, period, ct));
    }
}
