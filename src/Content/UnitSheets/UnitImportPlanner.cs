using Outreach.Content.UnitTree;

namespace Outreach.Content.UnitSheets;

/// <summary>
/// Plans an import against the tree below <see cref="Root"/> as it is: rows are matched to units by code (a unit without a
/// code is written <c>#id</c> by the export), and each bad row gets its own error: a missing or malformed code, a code
/// repeated in the sheet or used outside the tree, a name too long, an unknown level, a missing parent, a cycle, a higher
/// level under a lower one, a changed level, a change to a deactivated or merged unit. Pure: the store runs it inside its
/// transaction, on the tree it has locked.
/// </summary>
internal sealed class UnitImportPlanner
{
    private readonly Dictionary<string, UnitNode> _existing;
    private readonly Dictionary<long, string> _keyOfId;
    private readonly Dictionary<string, (UnitSheetRow Row, UnitLevel Level)> _valid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _firstRow = new(StringComparer.Ordinal);
    private readonly List<UnitSheetError> _errors = [];

    public UnitImportPlanner(UnitNode root, IReadOnlyList<UnitNode> existing, IReadOnlyList<UnitLevel> levels, IReadOnlySet<string> codesOutside, bool createOnly)
    {
        Root = root;
        Levels = levels;
        CodesOutside = codesOutside;
        CreateOnly = createOnly;
        _existing = existing.ToDictionary(Key, StringComparer.Ordinal);
        _keyOfId = existing.ToDictionary(u => u.Id, Key);
    }

    public UnitNode Root { get; }

    public IReadOnlyList<UnitLevel> Levels { get; }

    public IReadOnlySet<string> CodesOutside { get; }

    /// <summary>Existing units stay as they are (seeding adds what is missing, never renames or moves).</summary>
    public bool CreateOnly { get; }

    /// <summary>A unit's key in sheets: its code, or <c>#id</c> when it has none.</summary>
    public static string Key(UnitNode unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Code ?? "#" + unit.Id;
    }

    public UnitImportPlan Plan(IReadOnlyList<UnitSheetRow> rows, IReadOnlyList<UnitSheetError> readErrors)
    {
        _errors.AddRange(readErrors);
        foreach (var row in rows)
        {
            CheckRow(row);
        }

        var bad = _errors.Where(e => e.Row is not null).Select(e => e.Row!.Value).ToHashSet();
        foreach (var (code, (row, level)) in _valid.Where(v => v.Key != Key(Root)).ToList())
        {
            if (CheckPlace(code, row, level) is { } error)
            {
                _errors.Add(new UnitSheetError(row.Row, error));
                bad.Add(row.Row);
            }
        }

        var changes = _valid.Values.Where(v => !bad.Contains(v.Row.Row)).Select(v => Change(v.Row, v.Level)).ToList();
        var errors = _errors.OrderBy(e => e.Row ?? 0).ToList();
        return new UnitImportPlan(changes.OrderBy(c => c.Row).ToList(), errors);
    }

    /// <summary>The id of an existing unit of the tree by its key, or null.</summary>
    public long? ExistingId(string key) => _existing.TryGetValue(key, out var unit) ? unit.Id : null;

    /// <summary>The parent key of <paramref name="key"/> after the import (null for the root).</summary>
    public string? ParentAfter(string key) =>
        key == Key(Root) ? null
        : _valid.TryGetValue(key, out var v) && !(CreateOnly && _existing.ContainsKey(key)) ? v.Row.ParentCode
        : _existing.TryGetValue(key, out var unit) && unit.ParentId is { } parent ? _keyOfId.GetValueOrDefault(parent)
        : null;

    private void CheckRow(UnitSheetRow row)
    {
        var code = row.Code;
        if (code.Length == 0)
        {
            _errors.Add(new UnitSheetError(row.Row, UnitSheetMessages.CodeMissing(row.Row)));
            return;
        }

        if (_firstRow.TryGetValue(code, out var first))
        {
            _errors.Add(new UnitSheetError(row.Row, UnitSheetMessages.DuplicateCode(row.Row, code, first)));
            return;
        }

        _firstRow[code] = row.Row;
        var level = UnitLevels.Parse(row.Level, Levels);
        var error = CodeError(row)
            ?? (UnitRules.NameError(row.Name) is { } name ? UnitSheetMessages.Row(row.Row, name) : null)
            ?? (level is null ? UnitSheetMessages.LevelUnknown(row.Row, row.Level, Levels.Select(l => l.Code)) : null)
            ?? ParentCodeError(row)
            ?? (_existing.TryGetValue(code, out var unit) && unit.Level != level!.Code
                ? UnitSheetMessages.LevelChanged(row.Row, code, Levels.Single(l => l.Code == unit.Level).NameVi) : null);
        if (error is not null)
        {
            _errors.Add(new UnitSheetError(row.Row, error));
            return;
        }

        _valid[code] = (row, level!);
    }

    private string? CodeError(UnitSheetRow row) =>
        row.Code.StartsWith('#') ? (_existing.ContainsKey(row.Code) ? null : UnitSheetMessages.UnknownReference(row.Row, row.Code))
        : UnitRules.CodeError(row.Code) is { } error ? UnitSheetMessages.Row(row.Row, error)
        : CodesOutside.Contains(row.Code) ? UnitSheetMessages.CodeOutside(row.Row, row.Code)
        : null;

    private string? ParentCodeError(UnitSheetRow row) =>
        row.Code == Key(Root) ? (row.ParentCode.Length == 0 ? null : UnitSheetMessages.RootMoved(row.Row, row.Code))
        : row.ParentCode.Length == 0 ? UnitSheetMessages.ParentMissing(row.Row)
        : null;

    // Where the row puts its unit: an existing parent or one of the sheet, no cycle, a higher level, an active parent.
    private string? CheckPlace(string code, UnitSheetRow row, UnitLevel level)
    {
        var parent = row.ParentCode;
        if (!_valid.ContainsKey(parent) && !_existing.ContainsKey(parent))
        {
            // A parent whose own row is wrong has its error already; the child is not judged again.
            return _firstRow.ContainsKey(parent) ? null : UnitSheetMessages.ParentNotFound(row.Row, parent);
        }

        _existing.TryGetValue(code, out var unit);
        if (CreateOnly && unit is not null)
        {
            return null;
        }

        if (Cycle(code) is { } chain)
        {
            return UnitSheetMessages.Cycle(row.Row, chain);
        }

        var parentLevel = LevelOf(parent);
        if (level.Rank <= parentLevel.Rank)
        {
            return UnitSheetMessages.LevelUnder(row.Row, level.NameVi, parentLevel.NameVi, parent);
        }

        var moves = unit is null || ParentKey(unit) != parent;
        var renames = unit is not null && UnitRules.CleanName(row.Name) != unit.Name;
        return (moves || renames) && unit is { MergedIntoId: not null } ? UnitSheetMessages.Row(row.Row, UnitTreeMessages.UnitMerged(unit.Name))
            : (moves || renames) && unit is { IsActive: false } ? UnitSheetMessages.Row(row.Row, UnitTreeMessages.UnitInactive(unit.Name))
            : moves && _existing.TryGetValue(parent, out var p) && !p.IsActive ? UnitSheetMessages.Row(row.Row, UnitTreeMessages.ParentInactive(p.Name))
            : null;
    }

    // The chain of parents from the row back to itself, when the import would make one.
    private List<string>? Cycle(string code)
    {
        var chain = new List<string> { code };
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        for (var key = ParentAfter(code); key is not null && key != Key(Root); key = ParentAfter(key))
        {
            chain.Add(key);
            if (key == code)
            {
                return chain;
            }

            if (!seen.Add(key))
            {
                return null;
            }
        }

        return null;
    }

    private UnitLevel LevelOf(string key) =>
        _valid.TryGetValue(key, out var v) ? v.Level : Levels.Single(l => l.Code == _existing[key].Level);

    private string? ParentKey(UnitNode unit) => unit.ParentId is { } parent ? _keyOfId.GetValueOrDefault(parent) : null;

    private UnitChange Change(UnitSheetRow row, UnitLevel level)
    {
        var name = UnitRules.CleanName(row.Name);
        if (!_existing.TryGetValue(row.Code, out var unit))
        {
            return new UnitChange(row.Row, row.Code, name, level.Code, row.ParentCode, UnitChangeKind.Create, null, null, null);
        }

        var oldParent = ParentKey(unit);
        var renames = !CreateOnly && name != unit.Name;
        var moves = !CreateOnly && unit.Id != Root.Id && oldParent != row.ParentCode;
        var kind = renames && moves ? UnitChangeKind.RenameAndMove : renames ? UnitChangeKind.Rename : moves ? UnitChangeKind.Move : UnitChangeKind.Unchanged;
        return new UnitChange(row.Row, row.Code, kind == UnitChangeKind.Unchanged ? unit.Name : name, level.Code,
            kind == UnitChangeKind.Unchanged ? oldParent ?? "" : row.ParentCode, kind, unit.Id, renames ? unit.Name : null, moves ? oldParent : null);
    }
}
