using System.Globalization;
using System.Text.RegularExpressions;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Channels;
using Outreach.Content.Members;
using Outreach.Content.OrgUnits;
using Outreach.Content.Reports;
using Outreach.Content.Staff;
using Outreach.Content.Stats;
using Outreach.Content.Targets;
using Outreach.Content.Time;

namespace Outreach.Bot.Staff.Reach;

/// <summary>
/// Reach figures for a staff member: which unit and period she may look at (hers and below; a year exists by itself, terms
/// are defined by the top unit's admins), the dashboard's report, and the same figures as files. The JSON API, the exports
/// and the console page all read through here, so they always show the same numbers.
/// </summary>
public sealed partial class ReachService(
    OrgUnitStore units, ReportPeriodStore periods, ReachQuery reach, TargetQuery targets, MemberGrowthStore members, MemberFlowStore flows,
    ChannelCatalog channels, PlatformReachStore platformReach, TimeProvider time)
{
    /// <summary>
    /// The unit asked for (hers when none is named) and the period (this Vietnamese year when none is named): a year ("2026"),
    /// quarter ("2026-Q1"), half-year ("2026-H1") or range of days ("2026-03-01_2026-05-31") exists by itself, terms are
    /// defined by the top unit's admins. A unit outside her scope does not exist for her; a range with wrong dates is invalid
    /// (the field "period"), an unknown period "not found" with its own explanation.
    /// </summary>
    public async Task<StaffResult<ReportScope>> ResolveAsync(StaffSession session, long? unitId, string? period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var unit = unitId is { } id ? await units.FindAsync(id, ct) : session.Unit;
        if (unit is null || !session.Sees(unit))
        {
            return StaffRefusal.NotFound();
        }

        var code = string.IsNullOrWhiteSpace(period) ? VietnamTime.ToLocal(time.GetUtcNow()).Year.ToString(CultureInfo.InvariantCulture) : period.Trim();
        if (ReportPeriodCodes.Parse(code, out var problem) is null && problem is not null)
        {
            return StaffRefusal.Invalid("period", problem);
        }

        return await periods.FindAsync(code, ct) is { } found
            ? new ReportScope(unit, found)
            : StaffRefusal.NotFound(
                $"Kỳ báo cáo '{code}' không tồn tại: một năm (2026), một quý (2026-Q1), 6 tháng (2026-H1), một khoảng ngày " +
                "(2026-03-01_2026-05-31) hoặc một nhiệm kỳ đã được định nghĩa.",
                "Không có kỳ báo cáo này");
    }

    /// <summary>The dashboard of a unit and period of hers.</summary>
    public async Task<StaffResult<ReachReport>> ReportAsync(StaffSession session, long? unitId, string? period, CancellationToken ct)
    {
        var scope = await ResolveAsync(session, unitId, period, ct);
        return scope.IsOk ? await reach.ReportAsync(scope.Value.Unit, scope.Value.Period, ct) : scope.Refusal;
    }

    /// <summary>The dashboard page's data: the report, the targets, the units from hers down to this one, and the periods.</summary>
    public async Task<StaffResult<ReachDashboard>> DashboardAsync(StaffSession session, long? unitId, string? period, CancellationToken ct)
    {
        var scope = await ResolveAsync(session, unitId, period, ct);
        if (!scope.IsOk)
        {
            return scope.Refusal;
        }

        var figures = await FiguresAsync(scope.Value, ct);
        var path = (await units.GetAncestryAsync(scope.Value.Unit.Id, ct)).Where(session.Sees).ToList();
        var platformPosts = await platformReach.ForUnitAsync(scope.Value.Unit.Id, scope.Value.Period.StartsOn, scope.Value.Period.EndsOn, ct);
        return new ReachDashboard(
            figures.Reach, figures.Targets, path, await periods.ListAsync(ct), await MembersOverAsync(scope.Value, ct), scope.Value.Period,
            VietnameseFormat.Day(time.GetUtcNow()), platformPosts);
    }

    /// <summary>
    /// "Hội viên kết nối" of a unit and period of hers: connected at the start and at the end (today when the period is not
    /// over), new and left in the period, month by month, and per unit directly below it.
    /// </summary>
    public async Task<StaffResult<MembersOverTime>> MembersAsync(StaffSession session, long? unitId, string? period, CancellationToken ct)
    {
        var scope = await ResolveAsync(session, unitId, period, ct);
        return scope.IsOk ? await MembersOverAsync(scope.Value, ct) : scope.Refusal;
    }

    private async Task<MembersOverTime> MembersOverAsync(ReportScope scope, CancellationToken ct)
    {
        var (from, to) = MembersRange(scope);
        var total = await members.SeriesAsync(scope.Unit.Id, from, to, GrowthStep.Month, null, ct);

        // The units below from the flows (one scan of the transitions fewer): joined = subscribed + moved in, left = unsubscribed +
        // moved out, connected at the end; the same figures MemberGrowthStore.ChildrenAsync gives.
        var flow = await flows.FlowsAsync(scope.Unit.Id, from, to, ct);
        var children = flow.Children
            .Select(c => new UnitGrowth(c.UnitId, c.Name!, c.Level!, c.Subscribed + c.MovedIn, c.Unsubscribed + c.MovedOut, c.AtEnd))
            .ToList();
        return new MembersOverTime(from, to, total, children, flow);
    }

    // The period's days up to today when it is not over (a period not begun yet: its first day).
    private (DateOnly From, DateOnly To) MembersRange(ReportScope scope)
    {
        var today = VietnameseFormat.Day(time.GetUtcNow());
        var from = scope.Period.StartsOn;
        return (from, scope.Period.EndsOn < today ? scope.Period.EndsOn : today < from ? from : today);
    }

    public Task<IReadOnlyList<ReportPeriod>> PeriodsAsync(CancellationToken ct) => periods.ListAsync(ct);

    /// <summary>Defines a term or custom period (admins of a top-level unit only).</summary>
    public async Task<StaffResult<ReportPeriod>> CreatePeriodAsync(StaffSession session, PeriodRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        if (session.User.Role != StaffRoles.Admin || session.Unit.ParentId is not null)
        {
            return StaffRefusal.Forbidden("Chỉ quản trị của đơn vị cấp cao nhất mới định nghĩa kỳ báo cáo.");
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
        else if (ReportPeriodCodes.Parse(request.Code, out var reserved) is not null || reserved is not null)
        {
            errors["code"] = ["Mã này dành cho quý (2026-Q1), 6 tháng (2026-H1) hoặc khoảng ngày (2026-03-01_2026-05-31), đã có sẵn; hãy chọn mã khác."];
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
            return StaffRefusal.Invalid(errors);
        }

        var created = await periods.CreateAsync(request.Kind!, request.Code!, request.Name!.Trim(), request.StartsOn!.Value, request.EndsOn!.Value, ct);
        return created is null ? StaffRefusal.Conflict("Mã kỳ đã có", $"Mã kỳ '{request.Code}' đã có.") : created;
    }

    /// <summary>The report of a unit and period as an Excel workbook (every table a sheet).</summary>
    public async Task<StaffResult<ReportFile>> WorkbookAsync(StaffSession session, long? unitId, string? period, CancellationToken ct)
    {
        var scope = await ResolveAsync(session, unitId, period, ct);
        if (!scope.IsOk)
        {
            return scope.Refusal;
        }

        var figures = await FiguresAsync(scope.Value, ct);
        var buffer = new MemoryStream();
        await ReachExports.WriteWorkbookAsync(buffer, figures, channels, time.GetUtcNow(), ct);
        buffer.Position = 0;
        return new ReportFile(buffer, ReportFile.Xlsx, ReportFileNames.For(scope.Value.Unit.Name, scope.Value.Period.NameVi, null, "xlsx"));
    }

    /// <summary>One table of the report as CSV (<see cref="ReachReportTables.Names"/>; the summary when none is named).</summary>
    public async Task<StaffResult<ReportFile>> CsvAsync(StaffSession session, long? unitId, string? period, string? table, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(table) ? ReachReportTables.Summary : table.Trim();
        if (!ReachReportTables.Names.Contains(name))
        {
            return StaffRefusal.Invalid("table", $"Bảng là một trong: {string.Join(", ", ReachReportTables.Names)}.");
        }

        var scope = await ResolveAsync(session, unitId, period, ct);
        if (!scope.IsOk)
        {
            return scope.Refusal;
        }

        var figures = await FiguresAsync(scope.Value, ct);
        var buffer = new MemoryStream();
        await ReachExports.WriteCsvAsync(buffer, ReachReportTables.Build(name, figures, channels), ct);
        buffer.Position = 0;
        return new ReportFile(
            buffer, ReportFile.Csv, ReportFileNames.For(scope.Value.Unit.Name, scope.Value.Period.NameVi, ReachReportTables.Title(name), "csv"));
    }

    private async Task<ReportFigures> FiguresAsync(ReportScope scope, CancellationToken ct)
    {
        var (from, to) = MembersRange(scope);
        return new ReportFigures(
            await reach.ReportAsync(scope.Unit, scope.Period, ct), await targets.ReportAsync(scope.Unit, scope.Period, ct),
            await flows.FlowsAsync(scope.Unit.Id, from, to, ct));
    }

    [GeneratedRegex("^[0-9A-Za-z_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

/// <summary>The reach page's data: the report, the targets, the units from hers down to this one, the periods, the period shown and today (Vietnamese day).</summary>
public sealed record ReachDashboard(
    ReachReport Report, TargetReport Targets, IReadOnlyList<OrgUnit> Path, IReadOnlyList<ReportPeriod> Periods, MembersOverTime Members,
    ReportPeriod Period, DateOnly Today, IReadOnlyList<PlatformPostReach> PlatformPosts);

/// <summary>
/// Members connected to a unit over a period (<see cref="From"/> to <see cref="To"/>, both included): the unit's whole subtree
/// by month, each unit below it, and the subscriber figures of the report (<see cref="Flows"/>: at the start and end, new,
/// unsubscribed, moved in and out, for the unit and each unit below it).
/// </summary>
public sealed record MembersOverTime(DateOnly From, DateOnly To, MemberGrowth Total, IReadOnlyList<UnitGrowth> Children, MemberFlows Flows);

/// <summary>A unit of hers and a period: what every figure is about.</summary>
public sealed record ReportScope(OrgUnit Unit, ReportPeriod Period);

/// <summary>A term or custom period: code (e.g. "2021-2026"), Vietnamese name, first and last day.</summary>
public sealed record PeriodRequest(string? Kind, string? Code, string? Name, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>An export: its bytes, type and download name.</summary>
public sealed record ReportFile(Stream Content, string ContentType, string FileName)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string Csv = "text/csv; charset=utf-8";
}
