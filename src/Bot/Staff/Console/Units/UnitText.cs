using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Console.Units;

/// <summary>How the console names a unit's state.</summary>
public static class UnitText
{
    public static string State(UnitNode unit) =>
        (unit ?? throw new ArgumentNullException(nameof(unit))).MergedIntoId is not null ? "Đã sáp nhập"
        : unit.IsActive ? "Hoạt động" : "Ngừng hoạt động";

    /// <summary>The level that no longer exists since 1 July 2025 (huyện, quận, thị xã): its units stay readable, no new ones.</summary>
    public const string FormerDistrictLevel = "huyen";

    /// <summary>The levels "Thêm đơn vị" offers: every level but the district one, abolished on 1 July 2025.</summary>
    public static IEnumerable<UnitLevel> LevelsForNewUnits(IEnumerable<UnitLevel> levels) =>
        (levels ?? throw new ArgumentNullException(nameof(levels))).Where(l => l.Code != FormerDistrictLevel);
}
