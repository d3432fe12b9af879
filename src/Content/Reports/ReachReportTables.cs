using Outreach.Content.Channels;
using Outreach.Content.Members;
using Outreach.Content.Stats;
using Outreach.Content.Targets;

namespace Outreach.Content.Reports;

/// <summary>
/// Turns the dashboard's own objects (<see cref="ReachReport"/>, <see cref="TargetReport"/>, <see cref="MemberFlows"/>) into
/// the export's tables, so the files carry exactly the figures the dashboard and the JSON API show: nothing is queried again here.
/// </summary>
public static class ReachReportTables
{
    public const string Information = "thong-tin";
    public const string Summary = "tong-quan";
    public const string Units = "don-vi";
    public const string Broadcasts = "dot-gui";
    public const string Targets = "chi-tieu";
    public const string Members = "hoi-vien";

    /// <summary>The tables a CSV can be asked for, in the workbook's order (after the information sheet).</summary>
    public static IReadOnlyList<string> Names { get; } = [Summary, Units, Broadcasts, Targets, Members];

    /// <summary>Each table's Vietnamese name: the sheet's name and the end of a CSV's file name.</summary>
    public static string Title(string name) => name switch
    {
        Information => "Thông tin",
        Summary => "Tổng quan",
        Units => "Đơn vị trực thuộc",
        Broadcasts => "Đợt gửi",
        Targets => "Chỉ tiêu",
        Members => "Hội viên",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown report table."),
    };

    /// <summary>One table; channels are written by their display names (<paramref name="channels"/>).</summary>
    public static ReportTable Build(string name, ReportFigures figures, ChannelCatalog channels)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return name switch
        {
            Summary => SummaryTable(figures.Reach, channels),
            Units => UnitsTable(figures.Reach),
            Broadcasts => BroadcastsTable(figures.Reach),
            Targets => TargetsTable(figures.Targets),
            Members => MembersTable(figures.Members),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown report table."),
        };
    }

    /// <summary>The first sheet: what the figures are about and how to read them.</summary>
    public static ReportTable InformationTable(ReachReport reach, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(reach);
        return new ReportTable(Information, Title(Information), ["Mục", "Nội dung"],
        [
            ["Đơn vị", reach.Unit.Name],
            ["Kỳ báo cáo", reach.Period.Name],
            ["Từ ngày – đến ngày", $"{VietnameseFormat.Date(reach.Period.StartsOn)} – {VietnameseFormat.Date(reach.Period.EndsOn)} (tính cả ngày đầu và ngày cuối, theo giờ Việt Nam)"],
            ["Số liệu tính đến", reach.Freshness.RolledUpAt is { } at ? VietnameseFormat.DateTime(at) : "chưa tổng hợp"],
            ["Xuất lúc", VietnameseFormat.DateTime(generatedAt)],
            ["Cách đọc", "Lượt: mỗi lần xảy ra đều được đếm. Người: mỗi hội viên (một tài khoản trên một kênh) chỉ đếm một lần trong kỳ."],
            ["Phạm vi", "Số liệu của đơn vị gồm cả các đơn vị trực thuộc."],
        ]);
    }

    private static ReportTable SummaryTable(ReachReport reach, ChannelCatalog channels) => new(
        Summary,
        Title(Summary),
        ["Kênh", .. KindColumns()],
        [
            ["Tất cả kênh", .. Cells(reach.Totals)],
            .. reach.Channels.Select(c => (IReadOnlyList<object?>)[channels.DisplayName(c.Channel), .. Cells(c.Figures)]),
        ]);

    private static ReportTable UnitsTable(ReachReport reach) => new(
        Units,
        Title(Units),
        ["Đơn vị", "Cấp", .. KindColumns()],
        reach.Units.Select(u => (IReadOnlyList<object?>)[u.Name, LevelName(u.Level), .. Cells(u.Figures)]).ToList());

    private static ReportTable BroadcastsTable(ReachReport reach) => new(
        Broadcasts,
        Title(Broadcasts),
        ["Bài viết", "Chủ đề", "Ngày gửi", .. KindColumns()],
        reach.Broadcasts.Select(b => (IReadOnlyList<object?>)
            [b.Title, b.Topic, VietnameseFormat.Date(VietnameseFormat.Day(b.OccurrenceAt)), .. Cells(b.Figures)]).ToList());

    private static ReportTable TargetsTable(TargetReport targets) => new(
        Targets,
        Title(Targets),
        ["Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu đề ra", "Kết quả", "Tỷ lệ", "Đánh giá"],
        targets.Targets.Select(t => (IReadOnlyList<object?>)
        [
            t.IndicatorName, t.UnitVi, t.Target, t.Achieved,
            new ReportPercent(ProgressText.Shown(t.Achieved, t.Target, t.PercentDecimals) / 100m, t.PercentDecimals), t.Text,
        ]).ToList());

    // The unit itself first (its whole subtree), then each unit directly below it.
    private static ReportTable MembersTable(MemberFlows members) => new(
        Members,
        Title(Members),
        ["Đơn vị", "Đầu kỳ", "Mới theo dõi", "Chuyển đến", "Hủy theo dõi", "Chuyển đi", "Cuối kỳ", "Tăng/giảm", "Tỷ lệ tăng/giảm"],
        [
            FlowRow("Toàn đơn vị (gồm đơn vị trực thuộc)", members.Total),
            .. members.Children.Select(c => FlowRow(c.Name ?? "", c)),
        ]);

    private static IReadOnlyList<object?> FlowRow(string name, MemberFlow flow) =>
    [
        name, flow.AtStart, flow.Subscribed, flow.MovedIn, flow.Unsubscribed, flow.MovedOut, flow.AtEnd, flow.Growth,
        flow.GrowthRatio is { } ratio ? new ReportPercent(ratio, 2) : null,
    ];

    private static IEnumerable<string> KindColumns() =>
        ReachKinds.All.SelectMany(k => new[] { $"{ReachKinds.Label(k)} (lượt)", $"{ReachKinds.Label(k)} (người)" });

    // One pair of cells per kind, in ReachKinds.All order (the figures are always built in that order).
    private static IEnumerable<object?> Cells(IReadOnlyList<ReachFigure> figures) =>
        ReachKinds.All.SelectMany(k => figures.Where(f => f.Kind == k).Select(f => new object?[] { f.Events, f.People }).Single());

    private static string LevelName(string level) => level switch
    {
        "trung_uong" => "Trung ương",
        "tinh" => "Tỉnh/Thành phố",
        "huyen" => "Huyện/Quận/Thị xã",
        "xa" => "Xã/Phường/Đặc khu",
        "chi_hoi" => "Chi hội",
        "to" => "Tổ phụ nữ",
        _ => level,
    };
}

/// <summary>Everything a report file is written from: the reach, the targets and the subscribers of one unit and period.</summary>
public sealed record ReportFigures(ReachReport Reach, TargetReport Targets, MemberFlows Members);
