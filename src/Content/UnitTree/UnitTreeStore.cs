using Dapper;
using Npgsql;
using Outreach.Content.Audit;

namespace Outreach.Content.UnitTree;

/// <summary>
/// The unit tree as data staff manage: reads, and the changes (create, rename, code, move, deactivate, reactivate, merge),
/// each scoped to the actor's subtree (anything outside is "not found"), checked (levels, cycles, codes, names) with a
/// Vietnamese error as a value, applied in one transaction with its audit entry, and serialised with every other structural
/// change of the tree by a transaction-level advisory lock. How a merge treats every table that points at a unit:
/// src/Content/UnitTree/README.md.
/// </summary>
public sealed partial class UnitTreeStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    // Arbitrary, fixed: one structural change of the tree at a time (tree operations, imports, seeding).
    internal const long TreeLockKey = 0x556E_6974_5472_6565;

    // A unit in scope: expects @scopeUnitId and @unitId.
    private const string InScope = "JOIN org_units scope ON scope.id = @scopeUnitId WHERE u.id = @unitId AND u.path LIKE scope.path || '%'";

    /// <summary>The levels of the tree, highest first.</summary>
    public async Task<IReadOnlyList<UnitLevel>> LevelsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LevelsAsync(connection, null, cancellationToken);
    }

    /// <summary>The unit, when it is <paramref name="scopeUnitId"/> or lies below it; otherwise null.</summary>
    public async Task<UnitNode?> FindAsync(long scopeUnitId, long unitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UnitNode>(new CommandDefinition(
            $"SELECT {UnitNode.Columns} FROM org_units u {InScope}", new { scopeUnitId, unitId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// <paramref name="rootId"/> (within the scope) and everything below it in tree order (<see cref="UnitTreeOrder"/>: each unit
    /// under its parent, siblings in Vietnamese order); deactivated and merged
    /// units only when <paramref name="includeInactive"/>. Empty when the root is outside the scope.
    /// </summary>
    public async Task<IReadOnlyList<UnitNode>> ListSubtreeAsync(long scopeUnitId, long rootId, bool includeInactive, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitNode>(new CommandDefinition(
            $"""
            SELECT {UnitNode.Columns} FROM org_units u
            JOIN org_units root ON root.id = @rootId
            JOIN org_units scope ON scope.id = @scopeUnitId AND root.path LIKE scope.path || '%'
            WHERE u.path LIKE root.path || '%' AND (@includeInactive OR u.is_active)
            """,
            new { scopeUnitId, rootId, includeInactive },
            cancellationToken: cancellationToken));
        return UnitTreeOrder.DepthFirst(rows, u => u.Id, u => u.ParentId, u => u.Name);
    }

    /// <summary>
    /// The unit whose <see cref="UnitNode.Code"/> is <paramref name="code"/> (a link's <c>ref</c>), anywhere in the tree; a merged
    /// unit's code leads to the unit it was merged into. The caller checks <see cref="UnitNode.IsActive"/>.
    /// </summary>
    public Task<UnitNode?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        FindResolvedAsync("code", code, cancellationToken);

    /// <summary>The unit with this join code (exactly as stored, six digits), a merged unit's leading to its survivor.</summary>
    public Task<UnitNode?> FindByJoinCodeAsync(string joinCode, CancellationToken cancellationToken) =>
        FindResolvedAsync("join_code", joinCode, cancellationToken);

    /// <summary>The ids of units in <paramref name="scopeUnitId"/>'s subtree with one of these codes, by code.</summary>
    public async Task<IReadOnlyDictionary<string, UnitNode>> FindByCodesAsync(long scopeUnitId, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitNode>(new CommandDefinition(
            $"""
            SELECT {UnitNode.Columns} FROM org_units u JOIN org_units scope ON scope.id = @scopeUnitId
            WHERE u.code = ANY(@codes) AND u.path LIKE scope.path || '%'
            """,
            new { scopeUnitId, codes = codes.ToArray() },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(u => u.Code!, StringComparer.Ordinal);
    }

    private async Task<UnitNode?> FindResolvedAsync(string column, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UnitNode>(new CommandDefinition(
            $"""
            SELECT {UnitNode.Columns} FROM org_units found
            JOIN org_units u ON u.id = coalesce(found.merged_into_id, found.id)
            WHERE found.{column} = @value
            """,
            new { value },
            cancellationToken: cancellationToken));
    }

    internal static async Task<IReadOnlyList<UnitLevel>> LevelsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<UnitLevel>(new CommandDefinition(
            "SELECT code, name_vi AS namevi, rank::int AS rank FROM org_unit_levels ORDER BY rank", transaction: transaction,
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Runs <paramref name="work"/> in a transaction holding the tree lock; commits only when <paramref name="commit"/> says so.</summary>
    private async Task<T> ChangeAsync<T>(
        Func<NpgsqlTransaction, DateTimeOffset, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockTreeAsync(transaction, cancellationToken);
        var result = await work(transaction, time.GetUtcNow());
        if (commit(result))
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    private Task<UnitOutcome> ChangeAsync(Func<NpgsqlTransaction, DateTimeOffset, Task<UnitOutcome>> work, CancellationToken cancellationToken) =>
        ChangeAsync(work, outcome => outcome.IsDone, cancellationToken);

    internal static Task LockTreeAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = TreeLockKey }, transaction, cancellationToken: cancellationToken));

    /// <summary>The unit in the actor's scope, locked for the rest of the transaction; null when outside or missing.</summary>
    internal static Task<UnitNode?> LockInScopeAsync(NpgsqlTransaction transaction, long scopeUnitId, long unitId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<UnitNode>(new CommandDefinition(
            $"SELECT {UnitNode.Columns} FROM org_units u {InScope} FOR UPDATE OF u",
            new { scopeUnitId, unitId },
            transaction,
            cancellationToken: cancellationToken));

    internal static Task<UnitNode> ReadAsync(NpgsqlTransaction transaction, long unitId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<UnitNode>(new CommandDefinition(
            $"SELECT {UnitNode.Columns} FROM org_units u WHERE u.id = @unitId", new { unitId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Null when no other unit has <paramref name="code"/>; otherwise the error.</summary>
    internal static async Task<string?> CodeTakenErrorAsync(NpgsqlTransaction transaction, string code, long? exceptUnitId, CancellationToken cancellationToken)
    {
        var taken = await transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM org_units WHERE code = @code AND id IS DISTINCT FROM @exceptUnitId)",
            new { code, exceptUnitId },
            transaction,
            cancellationToken: cancellationToken));
        return taken ? UnitTreeMessages.CodeTaken(code) : null;
    }

    private static Task AuditAsync(
        NpgsqlTransaction transaction, DateTimeOffset at, UnitActor actor, string action, long unitId, object detail, CancellationToken cancellationToken) =>
        AuditLog.WriteAsync(transaction, at, actor.StaffId, action, unitId, null, detail, cancellationToken);
}
