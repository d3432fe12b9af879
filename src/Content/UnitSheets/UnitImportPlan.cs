namespace Outreach.Content.UnitSheets;

/// <summary>What a row does to the tree.</summary>
public enum UnitChangeKind
{
    Create,
    Rename,
    Move,
    RenameAndMove,
    Unchanged,
}

/// <summary>
/// One row's effect: the unit (existing <see cref="UnitId"/>, or created), its name and parent code after the import, and
/// before it (<see cref="OldName"/>, <see cref="OldParentCode"/>) when it changes.
/// </summary>
public sealed record UnitChange(
    int Row, string Code, string Name, string Level, string ParentCode, UnitChangeKind Kind, long? UnitId, string? OldName, string? OldParentCode);

/// <summary>
/// What an import would do (a dry run) or did: a change per valid row and an error per bad row. With any error nothing is
/// applied.
/// </summary>
public sealed record UnitImportPlan(IReadOnlyList<UnitChange> Changes, IReadOnlyList<UnitSheetError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public int Count(UnitChangeKind kind) => Changes.Count(c => c.Kind == kind);
}
