using System.Runtime.CompilerServices;
using Outreach.Bot.Staff.Units;
using Outreach.Content.OrgUnits;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Console.Layout;

/// <summary>
/// The label of a unit in every unit picker of the console (units, accounts, members, "Trang và OA", knowledge): indented by
/// its depth below her unit ("·· Xã Bình"), and, when another unit of the same list has the same name (two communes each
/// with a "Chi hội Tổ dân phố 1"), followed by its parent's name: "Chi hội Tổ dân phố 1 (Phường Đồng Hới)". The lists come
/// in tree order from the stores (<see cref="UnitTreeOrder"/>). The parents' names are worked out once per list.
/// </summary>
public static class UnitPicker
{
    private static readonly ConditionalWeakTable<object, Dictionary<long, string>> Names = new();

    public static string Label(IReadOnlyList<UnitNode> units, UnitNode unit, int baseDepth)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Compose(Names.GetValue(units, _ => Distinct(units.Select(u => (u.Id, u.ParentId, u.Name)))), unit.Id, unit.Name, unit.Depth - baseDepth);
    }

    public static string Label(IReadOnlyList<UnitListing> units, UnitNode unit, int baseDepth)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Compose(Names.GetValue(units, _ => Distinct(units.Select(l => (l.Unit.Id, l.Unit.ParentId, l.Unit.Name)))), unit.Id, unit.Name, unit.Depth - baseDepth);
    }

    public static string Label(IReadOnlyList<OrgUnit> units, OrgUnit unit, int baseDepth)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Compose(Names.GetValue(units, _ => Distinct(units.Select(u => (u.Id, u.ParentId, u.Name)))), unit.Id, unit.Name, unit.Depth - baseDepth);
    }

    /// <summary>A unit's name as the list shows it: with its parent's name when the name alone is not unique there.</summary>
    internal static Dictionary<long, string> Distinct(IEnumerable<(long Id, long? ParentId, string Name)> units)
    {
        var all = units.ToList();
        var byId = all.ToDictionary(u => u.Id, u => u.Name);
        var repeated = all.GroupBy(u => u.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g).Select(u => u.Id).ToHashSet();
        return all.ToDictionary(
            u => u.Id,
            u => repeated.Contains(u.Id) && u.ParentId is { } parent && byId.TryGetValue(parent, out var parentName) ? $"{u.Name} ({parentName})" : u.Name);
    }

    private static string Compose(Dictionary<long, string> names, long id, string name, int depth)
    {
        var shown = names.GetValueOrDefault(id, name);
        return depth > 0 ? new string('·', 2 * depth) + " " + shown : shown;
    }
}
