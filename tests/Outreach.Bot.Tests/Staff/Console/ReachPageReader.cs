using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// Reads the figures a person sees on /staff/reach out of its HTML (parsed by AngleSharp, as a browser would), the numbers
/// read back the Vietnamese way ("2.927" is two thousand nine hundred twenty-seven).
/// </summary>
internal sealed class ReachPageReader
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private readonly IDocument _document;

    public ReachPageReader(string html) => _document = new HtmlParser().ParseDocument(html);

    public IDocument Document => _document;

    /// <summary>The totals, (lượt, người) per kind in the order shown.</summary>
    public List<(string Kind, long Events, long People)> Totals() =>
        _document.QuerySelectorAll("[data-totals] tr[data-kind]")
            .Select(row => (row.GetAttribute("data-kind")!, Number(row, "events"), Number(row, "people")))
            .ToList();

    /// <summary>The broadcasts table: id, title and the (lượt, người) of each kind.</summary>
    public List<(long Id, string Title, List<(long Events, long People)> Figures)> Broadcasts() =>
        _document.QuerySelectorAll("[data-broadcasts] tr[data-broadcast]")
            .Select(row => (
                long.Parse(row.GetAttribute("data-broadcast")!, CultureInfo.InvariantCulture),
                row.QuerySelector("th")!.TextContent.Trim(),
                row.QuerySelectorAll("td[data-kind][data-measure=events]")
                    .Select(cell => (Parse(cell.TextContent), Parse(row.QuerySelector(
                        $"td[data-kind={cell.GetAttribute("data-kind")}][data-measure=people]")!.TextContent)))
                    .ToList()))
            .ToList();

    /// <summary>A chart's rows: the label and the numbers written beside its bars, series by series.</summary>
    public List<(string Label, List<long> Values)> Chart(string name) =>
        _document.QuerySelectorAll($"[data-chart={name}] tbody tr")
            .Select(row => (
                row.QuerySelector("th .label")!.TextContent.Trim(),
                row.QuerySelectorAll(".bar-line .num").Select(n => Parse(n.TextContent)).ToList()))
            .ToList();

    /// <summary>The progress bar of an indicator's target (null when the page shows none).</summary>
    public IElement? TargetBar(string indicator) =>
        _document.QuerySelector($"[data-indicator={indicator}] [role=progressbar]");

    public static long Parse(string text) =>
        long.Parse(text.Trim(), NumberStyles.AllowThousands, Vietnamese);

    private static long Number(IElement row, string measure) => Parse(row.QuerySelector($"td[data-measure={measure}]")!.TextContent);
}
