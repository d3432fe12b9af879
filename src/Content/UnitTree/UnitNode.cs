namespace Outreach.Content.UnitTree;

/// <summary>
/// A unit as the tree management sees it: its codes (<see cref="Code"/> for links and imports, <see cref="JoinCode"/> that
/// members type on Zalo, <see cref="AdminCode"/> the national administrative code of a seeded commune or province) and its
/// state: active, deactivated (no new members, history kept) or merged into <see cref="MergedIntoId"/>.
/// </summary>
public sealed record UnitNode(
    long Id,
    long? ParentId,
    string Level,
    string? Code,
    string JoinCode,
    string? AdminCode,
    string Name,
    string Path,
    int Depth,
    bool IsActive,
    long? MergedIntoId)
{
    /// <summary>The SELECT list (over <c>u</c>) Dapper maps onto this record.</summary>
    internal const string Columns =
        "u.id, u.parent_id AS parentid, u.level, u.code, u.join_code AS joincode, u.admin_code AS admincode, u.name, u.path, u.depth, " +
        "u.is_active AS isactive, u.merged_into_id AS mergedintoid";

    /// <summary>True when <paramref name="other"/> is this unit or lies below it.</summary>
    public bool Contains(UnitNode other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Path.StartsWith(Path, StringComparison.Ordinal);
    }
}

/// <summary>A level of the tree (rows of <c>org_unit_levels</c>): a unit's rank must be greater than its parent's.</summary>
public sealed record UnitLevel(string Code, string NameVi, int Rank);
