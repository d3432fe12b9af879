using Outreach.Content.Channels;
using Outreach.Content.Stats;
using Outreach.Content.Targets;

namespace Outreach.Content.Reports;

/// <summary>
/// Turns the dashboard's own objects (<see cref="ReachReport"/>, <see cref="TargetReport"/>) into the export's tables, so
/// the files carry exactly the figures the dashboard and the JSON API show: nothing is queried again here.
/// </summary>
public static class ReachReportTables
{
    public const string Summary = "tong-quan";
    public const string Units = "don-vi";
    public const string Broadcasts = "dot-gui";
    public const string Targets = "chi-tieu";

    public static IReadOnlyList<string> Names { get; } = [Summary, Units, Broadcasts, Targets];

    /// <summary>One table; channels are written by their display names (<paramref name="channels"/>).</summary>
    public static ReportTable Build(string name, ReachReport reach, TargetReport targets, ChannelCatalog channels) => name switch
    {
        Summary => SummaryTable(reach, channels),
        Units => UnitsTable(reach),
        Broadcasts => BroadcastsTable(reach),
        Targets => TargetsTable(targets),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown report table."),
    };

    /// <summary>The header block of the workbook: what the figures are about and how to read them.</summary>
    public static ReportTable Information(ReachReport reach, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(reach);
        return new ReportTable("thong-tin", ["Mục", "Nội dung"],
        [
            ["Đơn vị", reach.Unit.Name],
            ["Kỳ báo cáo", $"{reach.Period.Name} ({VietnameseFormat.Date(reach.Period.StartsOn)} – {VietnameseFormat.Date(reach.Period.EndsOn)})"],
            ["Số liệu tính đến", reach.Freshness.RolledUpAt is { } at ? VietnameseFormat.DateTime(at) : "chưa tổng hợp"],
            ["Xuất lúc", VietnameseFormat.DateTime(generatedAt)],
            ["Cách đọc", "Lượt: mỗi lần xảy ra đều được đếm. Người: mỗi hội viên (một tài khoản trên một kênh) chỉ đếm một lần trong kỳ."],
            ["Phạm vi", "Số liệu của đơn vị gồm cả các đơn vị trực thuộc."],
        ]);
    }

    private static ReportTable SummaryTable(ReachReport reach, ChannelCatalog channels) => new(
        Summary,
        ["Kênh", .. KindColumns()],
        [
            ["Tất cả kênh", .. Cells(reach.Totals)],
            .. reach.Channels.Select(c => (IReadOnlyList<object?>)[channels.DisplayName(c.Channel), .. Cells(c.Figures)]),
        ]);

    private static ReportTable UnitsTable(ReachReport reach) => new(
        Units,
        ["Đơn vị", "Cấp", .. KindColumns()],
        reach.Units.Select(u => (IReadOnlyList<object?>)[u.Name, LevelName(u.Level), .. Cells(u.Figures)]).ToList());

    private static ReportTable BroadcastsTable(ReachReport reach) => new(
        Broadcasts,
        ["Bài viết", "Chủ đề", "Ngày gửi", .. KindColumns()],
        reach.Broadcasts.Select(b => (IReadOnlyList<object?>)
            [b.Title, b.Topic, VietnameseFormat.Date(VietnameseFormat.Day(b.OccurrenceAt)), .. Cells(b.Figures)]).ToList());

    private static ReportTable TargetsTable(TargetReport targets) => new(
        Targets,
        ["Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu đề ra", "Kết quả", "Tỷ lệ", "Đánh giá"],
        targets.Targets.Select(t => (IReadOnlyList<object?>)[t.IndicatorName, t.UnitVi, t.Target, t.Achieved, t.PercentText, t.Text]).ToList());

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
