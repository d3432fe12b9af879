using Outreach.Content.Dvhc;
using Outreach.Content.Text;

namespace Outreach.Content.UnitMatching;

public sealed partial class PlaceIndex
{
    /// <summary>
    /// The index of a province's commune-level units (merged ones included: their names lead to their survivors). With the
    /// reform data and the province's code, each unit is linked to its commune (by its admin code, else by its name) and
    /// the old communes and districts that went into it become names for it too.
    /// </summary>
    public static PlaceIndex Build(IReadOnlyList<PlaceUnit> units, DvhcData? data, string? provinceCode)
    {
        ArgumentNullException.ThrowIfNull(units);
        var active = units.Where(u => u.MergedIntoId is null).ToList();
        var names = active.ToDictionary(u => u.Id, u => u.Name);
        var entries = new List<PlaceEntry>();
        foreach (var unit in active)
        {
            AddName(entries, unit.Name, PlaceMatchKind.Current, [unit.Id], unit.Name);
        }

        foreach (var unit in units.Where(u => u.MergedIntoId is { } to && names.ContainsKey(to)))
        {
            AddName(entries, unit.Name, PlaceMatchKind.MergedUnit, [unit.MergedIntoId!.Value], $"{unit.Name} (đã sáp nhập)");
        }

        if (data is not null && provinceCode is not null && data.Province(provinceCode) is not null)
        {
            AddOldNames(entries, data.OldUnitsOf(provinceCode), Link(active, data.CommunesOf(provinceCode)));
        }

        return new PlaceIndex(entries, names, data, provinceCode);
    }

    private static void AddOldNames(List<PlaceEntry> entries, IReadOnlyList<DvhcOldUnit> old, Dictionary<string, long> unitOf)
    {
        foreach (var commune in old.GroupBy(o => o.CommuneCode ?? "district:" + o.DistrictCode))
        {
            var targets = commune.Select(o => unitOf.GetValueOrDefault(o.NewCommuneCode)).Where(id => id != 0).Distinct().ToArray();
            var first = commune.First();
            if (targets.Length == 0)
            {
                continue;
            }

            var isSplit = targets.Length > 1;
            var isLow = commune.Any(o => o.IsLowConfidence);
            var district = Join(VietnameseText.Tokenize(first.DistrictName));
            var display = first.CommuneName is null
                ? $"{first.DistrictType} {first.DistrictName} (cũ)"
                : $"{first.CommuneType} {first.CommuneName} (cũ), {first.DistrictType} {first.DistrictName}";
            foreach (var name in new[] { first.CommuneName ?? first.DistrictName, first.CommuneOtherName }.OfType<string>())
            {
                var tokens = VietnameseText.Tokenize(name).ToArray();
                entries.Add(new PlaceEntry(Join(tokens), tokens, first.CommuneType ?? first.DistrictType, PlaceMatchKind.OldCommune, targets,
                    display, first.CommuneName is null ? null : district, VietnameseText.Tokenize(first.DistrictName).Count, isSplit, isLow));
            }
        }

        foreach (var district in old.GroupBy(o => o.DistrictCode))
        {
            var targets = district.Select(o => unitOf.GetValueOrDefault(o.NewCommuneCode)).Where(id => id != 0).Distinct().ToArray();
            var first = district.First();
            var tokens = VietnameseText.Tokenize(first.DistrictName).ToArray();
            if (targets.Length > 0 && tokens.Length > 0)
            {
                entries.Add(new PlaceEntry(Join(tokens), tokens, first.DistrictType, PlaceMatchKind.OldDistrict, targets,
                    $"{first.DistrictType} {first.DistrictName} (cũ)", null, 0, targets.Length > 1, false));
            }
        }
    }

    // Commune code → unit: by the unit's admin code, else by its name (and kind, when the name says it), else not linked.
    private static Dictionary<string, long> Link(List<PlaceUnit> units, IReadOnlyList<DvhcCommune> communes)
    {
        var byCode = communes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var byName = communes.ToLookup(c => Join(VietnameseText.Tokenize(c.Name)), StringComparer.Ordinal);
        var links = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => u.AdminCode is not null && byCode.ContainsKey(u.AdminCode)))
        {
            links.TryAdd(unit.AdminCode!, unit.Id);
        }

        foreach (var unit in units.Where(u => u.AdminCode is null || !byCode.ContainsKey(u.AdminCode)))
        {
            var (kind, name) = PlaceWords.SplitName(unit.Name);
            var exact = string.Join(' ', name.Select(t => t.Exact));
            var candidates = byName[Join(name)].Where(c => kind is null || c.Type == kind).ToList();
            if (candidates.Count > 1)
            {
                candidates = candidates.Where(c => string.Join(' ', VietnameseText.Tokenize(c.Name).Select(t => t.Exact)) == exact).ToList();
            }

            if (candidates.Count == 1)
            {
                links.TryAdd(candidates[0].Code, unit.Id);
            }
        }

        return links;
    }

    private static void AddName(List<PlaceEntry> entries, string unitName, PlaceMatchKind kind, long[] targets, string display)
    {
        var (type, name) = PlaceWords.SplitName(unitName);
        if (name.Count > 0)
        {
            entries.Add(new PlaceEntry(Join(name), name.ToArray(), type, kind, targets, display, null, 0, false, false));
        }
    }

    private static string Join(IEnumerable<TextToken> tokens) => string.Concat(tokens.Select(t => t.Folded));
}
