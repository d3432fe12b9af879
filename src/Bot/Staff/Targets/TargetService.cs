using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Reach;
using Outreach.Content.Staff;
using Outreach.Content.Targets;

namespace Outreach.Bot.Staff.Targets;

/// <summary>
/// Targets (chỉ tiêu) for a staff member: a unit's targets for a period with their progress, setting a target (admins and
/// approvers, for a unit of theirs), and entering the result of a manually counted indicator (anyone but viewers). Units and
/// periods are resolved as for the reach figures.
/// </summary>
public sealed class TargetService(ReachService reach, TargetStore targets, TargetQuery query, TimeProvider time)
{
    /// <summary>The largest value accepted (the column holds 18 digits, 2 after the comma).</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    /// <summary>Why she may not set targets (only admins and approvers do), or null when she may.</summary>
    public static string? TargetRefusal(StaffSession session) =>
        StaffRoles.CanApprove((session ?? throw new ArgumentNullException(nameof(session))).User.Role)
            ? null
            : "Chỉ quản trị hoặc người duyệt mới giao chỉ tiêu.";

    /// <summary>The targets of a unit and period of hers, with progress.</summary>
    public async Task<StaffResult<TargetReport>> ReportAsync(StaffSession session, long? unitId, string? period, CancellationToken ct)
    {
        var scope = await reach.ResolveAsync(session, unitId, period, ct);
        return scope.IsOk ? await query.ReportAsync(scope.Value.Unit, scope.Value.Period, ct) : scope.Refusal;
    }

    public Task<IReadOnlyList<Indicator>> IndicatorsAsync(CancellationToken ct) => targets.ListIndicatorsAsync(ct);

    /// <summary>Longest note kept with a target or a result.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>The manual indicators of a unit and period of hers, with what was entered (see <see cref="ManualEntriesAsync(ReportScope, CancellationToken)"/>).</summary>
    public async Task<StaffResult<IReadOnlyList<ManualEntry>>> ManualEntriesAsync(StaffSession session, long? unitId, string? period, CancellationToken ct)
    {
        var scope = await reach.ResolveAsync(session, unitId, period, ct);
        return scope.IsOk ? StaffResult.Ok(await ManualEntriesAsync(scope.Value, ct)) : scope.Refusal;
    }

    /// <summary>
    /// The indicators counted by hand, each with what was entered for the unit itself in the period (who, when) and the sum over
    /// the unit and everything below it (what its targets count).
    /// </summary>
    public async Task<IReadOnlyList<ManualEntry>> ManualEntriesAsync(ReportScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var own = (await targets.UnitResultsAsync(scope.Unit.Id, scope.Period.Id, ct)).ToDictionary(r => r.IndicatorId);
        var entries = new List<ManualEntry>();
        foreach (var indicator in (await targets.ListIndicatorsAsync(ct)).Where(i => i.Source == IndicatorSources.Manual))
        {
            entries.Add(new ManualEntry(
                indicator, own.GetValueOrDefault(indicator.Id), await targets.ManualResultAsync(indicator.Id, scope.Unit.Id, scope.Period.Id, ct)));
        }

        return entries;
    }

    /// <summary>Sets a unit's target for an indicator; answers the unit's targets with the new one.</summary>
    public Task<StaffResult<TargetReport>> SetTargetAsync(StaffSession session, TargetRequest request, CancellationToken ct) =>
        WriteAsync(session, request, isTarget: true, ct);

    /// <summary>Enters the result of a manually counted indicator; answers the unit's targets.</summary>
    public Task<StaffResult<TargetReport>> SetResultAsync(StaffSession session, TargetRequest request, CancellationToken ct) =>
        WriteAsync(session, request, isTarget: false, ct);

    private async Task<StaffResult<TargetReport>> WriteAsync(StaffSession session, TargetRequest request, bool isTarget, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = await reach.ResolveAsync(session, request.UnitId, request.Period, ct);
        if (!scope.IsOk)
        {
            return scope.Refusal;
        }

        if ((isTarget ? TargetRefusal(session) : session.User.Role == StaffRoles.Viewer ? "Tài khoản chỉ xem không nhập được kết quả." : null) is { } refused)
        {
            return StaffRefusal.Forbidden(refused);
        }

        var indicator = request.Indicator is { Length: > 0 } code ? await targets.FindIndicatorAsync(code, ct) : null;
        var errors = new Dictionary<string, string[]>();
        if (indicator is null)
        {
            errors["indicator"] = [string.IsNullOrWhiteSpace(request.Indicator)
                ? "Chọn một chỉ tiêu trong danh sách."
                : $"Chỉ tiêu '{request.Indicator}' không tồn tại. Chọn một chỉ tiêu trong danh sách."];
        }
        else if (!isTarget && indicator.Source != IndicatorSources.Manual)
        {
            errors["indicator"] = ["Kết quả của chỉ tiêu này được tính tự động, không nhập tay."];
        }

        if (ValueError(request.Value, isTarget, indicator) is { } valueError)
        {
            errors["value"] = [valueError];
        }

        if (request.Note?.Trim() is { Length: > MaxNoteLength })
        {
            errors["note"] = ["Ghi chú tối đa 500 ký tự."];
        }

        if (errors.Count > 0)
        {
            return StaffRefusal.Invalid(errors);
        }

        var note = request.Note?.Trim() is { Length: > 0 } text ? text : null;
        var (unit, period) = scope.Value;
        if (isTarget)
        {
            await targets.SetTargetAsync(indicator!.Id, unit.Id, period.Id, request.Value!.Value, note, session.User.Id, time.GetUtcNow(), ct);
        }
        else
        {
            await targets.SetResultAsync(indicator!.Id, unit.Id, period.Id, request.Value!.Value, note, session.User.Id, time.GetUtcNow(), ct);
        }

        return await query.ReportAsync(unit, period, ct);
    }

    /// <summary>
    /// Why a target (<paramref name="isTarget"/>) or a result cannot be this value, in Vietnamese, or null: a target is more than
    /// 0, a result at least 0, neither above <see cref="MaxValue"/> nor with more than two decimals, and an indicator that counts
    /// people or posts takes whole numbers only ("12,5 người" is refused).
    /// </summary>
    public static string? ValueError(decimal? value, bool isTarget, Indicator? indicator)
    {
        var what = isTarget ? "Chỉ tiêu" : "Kết quả";
        return value switch
        {
            null => $"Nhập {what.ToLowerInvariant()} bằng số, ví dụ 1.050 hoặc 1050.",
            < 0 when isTarget => "Chỉ tiêu phải lớn hơn 0 (không nhận số âm), ví dụ 1.050.",
            < 0 => "Kết quả phải lớn hơn hoặc bằng 0 (không nhận số âm); nhập 0 nếu chưa có.",
            0 when isTarget => "Chỉ tiêu phải lớn hơn 0, ví dụ 1.050.",
            > MaxValue => $"{what} phải không quá 1.000.000.000.000.",
            { } v when decimal.Round(v, 2) != v => $"{what} có tối đa 2 chữ số thập phân.",
            { } v when indicator is { CountsWhole: true } && decimal.Truncate(v) != v =>
                $"{what} của chỉ tiêu này đếm {indicator.UnitVi}, phải là số nguyên (không có phần thập phân), ví dụ {VietnameseFormat.Number(decimal.Truncate(v))}.",
            _ => null,
        };
    }
}

/// <summary>A target or a result: the indicator's code, the unit (hers when absent), the period (this year when absent), the value.</summary>
public sealed record TargetRequest(string? Indicator, long? UnitId, string? Period, decimal? Value, string? Note);

/// <summary>A manual indicator for a unit and period: what was entered for the unit itself (null: nothing yet) and the subtree's sum.</summary>
public sealed record ManualEntry(Indicator Indicator, ManualResult? Own, decimal SubtreeTotal);
