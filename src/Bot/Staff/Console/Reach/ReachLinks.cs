using System.Globalization;
using Outreach.Content.Reports;

namespace Outreach.Bot.Staff.Console.Reach;

/// <summary>The addresses of the reach pages and of the exports of the same unit and period.</summary>
public static class ReachLinks
{
    public const string Targets = ConsolePaths.Reach + "/targets";

    public const string Results = ConsolePaths.Reach + "/results";

    /// <summary>The dashboard of a unit and period (her own unit and this year when null).</summary>
    public static string Page(long? unitId, string? period) => ConsolePaths.Reach + Query(unitId, period);

    /// <summary>The Excel report, every table a sheet.</summary>
    public static string Workbook(long unitId, string period) => "/staff/api/exports/reach.xlsx" + Query(unitId, period);

    /// <summary>One table of the report as CSV (see <see cref="ReachReportTables.Names"/>).</summary>
    public static string Csv(long unitId, string period, string table) =>
        "/staff/api/exports/reach.csv" + Query(unitId, period) + "&table=" + Uri.EscapeDataString(table);

    private static string Query(long? unitId, string? period)
    {
        var parts = new List<string>(2);
        if (unitId is { } id)
        {
            parts.Add("unitId=" + id.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(period))
        {
            parts.Add("period=" + Uri.EscapeDataString(period));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
