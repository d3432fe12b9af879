using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Console.Units;

/// <summary>How the console names a unit's state.</summary>
public static class UnitText
{
    public static string State(UnitNode unit) =>
        (unit ?? throw new ArgumentNullException(nameof(unit))).MergedIntoId is not null ? "Đã sáp nhập"
        : unit.IsActive ? "Hoạt động" : "Ngừng hoạt động";
}
