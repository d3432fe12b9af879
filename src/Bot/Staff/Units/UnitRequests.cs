using Outreach.Content.Audit;
using Outreach.Content.UnitSheets;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Units;

/// <summary>A new unit: under <see cref="ParentId"/>, of <see cref="Level"/> (a code of <c>org_unit_levels</c>), named, with an optional code.</summary>
public sealed record UnitCreateRequest(long? ParentId, string? Level, string? Name, string? Code);

/// <summary>A unit of her tree with its members: placed in it (<see cref="Direct"/>) and in it with everything below (<see cref="Subtree"/>).</summary>
public sealed record UnitListing(UnitNode Unit, int Direct, int Subtree);

/// <summary>Her tree, parents before children, and the active members with no unit (counted for a top-level unit only).</summary>
public sealed record UnitTreeView(IReadOnlyList<UnitListing> Units, int Unplaced, IReadOnlyList<UnitLevel> Levels);

/// <summary>One unit as its page shows it: where it sits, its members, the units it may move or merge into, and its history.</summary>
public sealed record UnitDetails(
    UnitNode Unit,
    UnitNode? Parent,
    UnitNode? MergedInto,
    IReadOnlyList<UnitListing> Children,
    UnitListing Counts,
    IReadOnlyList<UnitNode> Scope,
    IReadOnlyList<UnitLevel> Levels,
    IReadOnlyList<AuditEntry> History,
    bool CanManage);

/// <summary>What merging <see cref="Merged"/> into <see cref="Survivor"/> moves (a preview to confirm, or what it did).</summary>
public sealed record UnitMerge(UnitNode Merged, UnitNode Survivor, MergeSummary Moves, bool Done);

/// <summary>
/// An import or a seeding: the plan (a change per row, an error per bad row) and whether it was applied. With any error,
/// or in a dry run, nothing was written.
/// </summary>
public sealed record UnitImportResult(UnitNode Root, UnitImportPlan Plan, bool DryRun, bool Applied)
{
    public int Creates => Plan.Count(UnitChangeKind.Create);

    public int Renames => Plan.Count(UnitChangeKind.Rename) + Plan.Count(UnitChangeKind.RenameAndMove);

    public int Moves => Plan.Count(UnitChangeKind.Move) + Plan.Count(UnitChangeKind.RenameAndMove);

    public int Unchanged => Plan.Count(UnitChangeKind.Unchanged);
}

/// <summary>A province of the 2025 reform a unit can be seeded from: its code and full name.</summary>
public sealed record SeedProvince(string Code, string Name, int Communes);
