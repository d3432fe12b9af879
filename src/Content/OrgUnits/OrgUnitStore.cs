using Dapper;
using Npgsql;
using Outreach.Content.UnitTree;

namespace Outreach.Content.OrgUnits;

/// <summary>Reads and writes the org-unit tree.</summary>
public sealed class OrgUnitStore(NpgsqlDataSource dataSource)
{
    // Dapper maps positional records by constructor parameter name, so snake_case columns are aliased.
    private const string Columns = "id, parent_id AS parentid, level, code, name, path, depth";

    public async Task<OrgUnit> CreateAsync(long? parentId, string level, string name, string? code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(level);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<OrgUnit>(new CommandDefinition(
            $"INSERT INTO org_units (parent_id, level, name, code) VALUES (@parentId, @level, @name, @code) RETURNING {Columns}",
            new { parentId, level, name, code },
            cancellationToken: cancellationToken));
    }

    public async Task<OrgUnit?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OrgUnit>(new CommandDefinition(
            $"SELECT {Columns} FROM org_units WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The unit and all its descendants in tree order (<see cref="UnitTreeOrder"/>: each unit under its parent, siblings in Vietnamese order).</summary>
    public async Task<IReadOnlyList<OrgUnit>> GetSubtreeAsync(long rootId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrgUnit>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM org_units
            WHERE path LIKE (SELECT path FROM org_units WHERE id = @rootId) || '%'
            """,
            new { rootId },
            cancellationToken: cancellationToken));
        return UnitTreeOrder.DepthFirst(rows, u => u.Id, u => u.ParentId, u => u.Name);
    }

    /// <summary>The chain from the root down to the unit itself.</summary>
    public async Task<IReadOnlyList<OrgUnit>> GetAncestryAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrgUnit>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM org_units
            WHERE (SELECT path FROM org_units WHERE id = @id) LIKE path || '%'
            ORDER BY depth
            """,
            new { id },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>True when <paramref name="unitId"/> is <paramref name="ancestorId"/> or lies below it: the scoping rule for staff.</summary>
    public async Task<bool> IsWithinAsync(long unitId, long ancestorId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (
                SELECT 1 FROM org_units u, org_units a
                WHERE u.id = @unitId AND a.id = @ancestorId AND u.path LIKE a.path || '%')
            """,
            new { unitId, ancestorId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Moves a unit (and everything below it) under another parent.</summary>
    public async Task MoveAsync(long id, long? newParentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE org_units SET parent_id = @newParentId WHERE id = @id", new { id, newParentId }, cancellationToken: cancellationToken));
    }
}
