using System.Text.Json;
using Dapper;
using Npgsql;
using Outreach.Content.Audit;
using Outreach.Content.UnitTree;

namespace Outreach.Content.UnitSheets;

/// <summary>
/// The result of an import: not found (the root is outside the actor's scope), or the plan and whether it was applied (true
/// also when every row was already as the sheet says: nothing needed writing).
/// </summary>
public sealed record UnitImportOutcome(UnitOutcomeStatus Status, UnitImportPlan? Plan, bool Applied)
{
    public static UnitImportOutcome NotFound { get; } = new(UnitOutcomeStatus.NotFound, null, false);
}

/// <summary>
/// Imports a sheet of units below a root unit of the actor's scope, in one transaction holding the tree lock: the plan is
/// made against the tree as locked, and applied only when every row is right and it is not a dry run (nothing is ever
/// half-imported). Creates and moves go parents first (by depth in the resulting tree), so a move never passes through a
/// cycle; every change is audited. Re-importing the same sheet changes nothing.
/// </summary>
public sealed class UnitImportStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public Task<UnitImportOutcome> ImportAsync(UnitActor actor, long rootUnitId, UnitSheet sheet, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return RunAsync(actor, rootUnitId, sheet.Rows, sheet.Errors, new ImportMode(dryRun, false, AuditActions.UnitsImported, null), cancellationToken);
    }

    internal async Task<UnitImportOutcome> RunAsync(
        UnitActor actor, long rootUnitId, IReadOnlyList<UnitSheetRow> rows, IReadOnlyList<UnitSheetError> readErrors, ImportMode mode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UnitTreeStore.LockTreeAsync(transaction, cancellationToken);
        var root = await UnitTreeStore.LockInScopeAsync(transaction, actor.ScopeUnitId, rootUnitId, cancellationToken);
        if (root is null)
        {
            return UnitImportOutcome.NotFound;
        }

        var existing = (await connection.QueryAsync<UnitNode>(new CommandDefinition(
            $"SELECT {UnitNode.Columns} FROM org_units u WHERE u.path LIKE @path || '%'", new { path = root.Path }, transaction,
            cancellationToken: cancellationToken))).AsList();
        var outside = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT code FROM org_units WHERE code = ANY(@codes) AND path NOT LIKE @path || '%'",
            new { codes = rows.Select(r => r.Code).Distinct().ToArray(), path = root.Path }, transaction, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        var levels = await UnitTreeStore.LevelsAsync(connection, transaction, cancellationToken);
        var planner = new UnitImportPlanner(root, existing, levels, outside, mode.CreateOnly);
        var plan = planner.Plan(rows, readErrors);
        if (!plan.IsValid || mode.DryRun)
        {
            return new UnitImportOutcome(UnitOutcomeStatus.Done, plan, false);
        }

        if (plan.Changes.All(c => c.Kind == UnitChangeKind.Unchanged))
        {
            return new UnitImportOutcome(UnitOutcomeStatus.Done, plan, true);
        }

        await ApplyAsync(transaction, actor, root, planner, plan, mode, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UnitImportOutcome(UnitOutcomeStatus.Done, plan, true);
    }

    private async Task ApplyAsync(
        NpgsqlTransaction transaction, UnitActor actor, UnitNode root, UnitImportPlanner planner, UnitImportPlan plan, ImportMode mode,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = plan.Changes.Where(c => c.UnitId is not null).ToDictionary(c => c.Code, c => c.UnitId!.Value, StringComparer.Ordinal);
        ids.TryAdd(UnitImportPlanner.Key(root), root.Id);
        var audits = new List<(string Action, long UnitId, object Detail)>();
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var level in plan.Changes.Where(c => c.Kind is not UnitChangeKind.Unchanged and not UnitChangeKind.Rename)
                     .GroupBy(c => Depth(planner, c.Code, depth)).OrderBy(g => g.Key))
        {
            foreach (var change in level.Where(c => c.Kind == UnitChangeKind.Create))
            {
                var parentId = ids.TryGetValue(change.ParentCode, out var known) ? known : planner.ExistingId(change.ParentCode)!.Value;
                var unit = await UnitTreeStore.InsertAsync(transaction, parentId, change.Level, change.Name, change.Code.StartsWith('#') ? null : change.Code,
                    mode.AdminCodeOf?.Invoke(change.Code), cancellationToken);
                ids[change.Code] = unit.Id;
                audits.Add((AuditActions.UnitCreated, unit.Id, new { change.Row, unit.Name, unit.Level, unit.Code, ParentId = parentId, Source = mode.Action }));
            }

            foreach (var change in level.Where(c => c.Kind is UnitChangeKind.Move or UnitChangeKind.RenameAndMove))
            {
                var parentId = ids.TryGetValue(change.ParentCode, out var known) ? known : planner.ExistingId(change.ParentCode)!.Value;
                await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                    "UPDATE org_units SET parent_id = @parentId WHERE id = @id", new { parentId, id = change.UnitId }, transaction,
                    cancellationToken: cancellationToken));
                audits.Add((AuditActions.UnitMoved, change.UnitId!.Value, new { change.Row, FromParent = change.OldParentCode, ToParent = change.ParentCode, Source = mode.Action }));
            }
        }

        var renames = plan.Changes.Where(c => c.Kind is UnitChangeKind.Rename or UnitChangeKind.RenameAndMove).ToList();
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE org_units u SET name = r.name FROM unnest(@ids, @names) AS r(id, name) WHERE u.id = r.id",
            new { ids = renames.Select(r => r.UnitId!.Value).ToArray(), names = renames.Select(r => r.Name).ToArray() }, transaction,
            cancellationToken: cancellationToken));
        audits.AddRange(renames.Select(r => (AuditActions.UnitRenamed, r.UnitId!.Value, (object)new { r.Row, From = r.OldName, To = r.Name, Source = mode.Action })));
        audits.Add((mode.Action, root.Id, new
        {
            Created = plan.Count(UnitChangeKind.Create),
            Renamed = plan.Count(UnitChangeKind.Rename) + plan.Count(UnitChangeKind.RenameAndMove),
            Moved = plan.Count(UnitChangeKind.Move) + plan.Count(UnitChangeKind.RenameAndMove),
            Unchanged = plan.Count(UnitChangeKind.Unchanged),
            mode.Detail,
        }));
        await WriteAuditsAsync(transaction, now, actor.StaffId, audits, cancellationToken);
    }

    private static Task<int> WriteAuditsAsync(
        NpgsqlTransaction transaction, DateTimeOffset now, long actorId, List<(string Action, long UnitId, object Detail)> audits,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_entries (at, actor_id, action, org_unit_id, detail)
            SELECT @now, @actorId, a.action, a.unit_id, a.detail::jsonb FROM unnest(@actions, @unitIds, @details) AS a(action, unit_id, detail)
            """,
            new
            {
                now, actorId, actions = audits.Select(a => a.Action).ToArray(), unitIds = audits.Select(a => a.UnitId).ToArray(),
                details = audits.Select(a => JsonSerializer.Serialize(a.Detail)).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));

    // Depth in the tree after the import (the root is 0): parents are placed before their children.
    private static int Depth(UnitImportPlanner planner, string key, Dictionary<string, int> memo)
    {
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var parent = planner.ParentAfter(key);
        var depth = parent is null ? 0 : Depth(planner, parent, memo) + 1;
        memo[key] = depth;
        return depth;
    }
}

/// <summary>How an import runs: a dry run or not, existing units left alone or not, its audit action, and admin codes for new units.</summary>
internal sealed record ImportMode(bool DryRun, bool CreateOnly, string Action, Func<string, string?>? AdminCodeOf, object? Detail = null);
