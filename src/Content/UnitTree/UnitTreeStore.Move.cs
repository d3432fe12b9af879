using Outreach.Content.Audit;

namespace Outreach.Content.UnitTree;

public sealed partial class UnitTreeStore
{
    /// <summary>
    /// Moves the unit and everything below it under <paramref name="newParentId"/>: both in the actor's scope, the new parent
    /// active, not inside the unit (no cycle) and of a higher level. Past reach follows (the roll-ups are rebuilt).
    /// </summary>
    public Task<UnitOutcome> MoveAsync(UnitActor actor, long unitId, long newParentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(async (transaction, now) =>
        {
            var unit = await LockInScopeAsync(transaction, actor.ScopeUnitId, unitId, cancellationToken);
            var parent = unit is null ? null : await LockInScopeAsync(transaction, actor.ScopeUnitId, newParentId, cancellationToken);
            if (unit is null || parent is null)
            {
                return UnitOutcome.NotFound();
            }

            var levels = await LevelsAsync(transaction.Connection!, transaction, cancellationToken);
            var error = unit.Id == actor.ScopeUnitId ? UnitTreeMessages.MoveOwnUnit
                : unit.MergedIntoId is not null ? UnitTreeMessages.UnitMerged(unit.Name)
                : unit.Contains(parent) ? UnitTreeMessages.MoveUnderItself
                : !parent.IsActive ? UnitTreeMessages.ParentInactive(parent.Name)
                : UnitRules.LevelError(levels.Single(l => l.Code == unit.Level), levels.Single(l => l.Code == parent.Level));
            if (error is not null)
            {
                return UnitOutcome.Invalid(error);
            }

            if (unit.ParentId == parent.Id)
            {
                return UnitOutcome.Done(unit);
            }

            await ExecuteAsync(transaction, "UPDATE org_units SET parent_id = @newParentId WHERE id = @unitId", new { newParentId, unitId }, cancellationToken);
            await AuditAsync(transaction, now, actor, AuditActions.UnitMoved, unitId, new { FromParentId = unit.ParentId, ToParentId = parent.Id }, cancellationToken);
            return UnitOutcome.Done(await ReadAsync(transaction, unitId, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>
    /// Deactivates the unit and every active unit below it: they take no new members; their members, posts and reach stay
    /// where they are. Not the actor's own unit.
    /// </summary>
    public Task<UnitOutcome> DeactivateAsync(UnitActor actor, long unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(async (transaction, now) =>
        {
            var unit = await LockInScopeAsync(transaction, actor.ScopeUnitId, unitId, cancellationToken);
            if (unit is null)
            {
                return UnitOutcome.NotFound();
            }

            if (unit.Id == actor.ScopeUnitId)
            {
                return UnitOutcome.Invalid(UnitTreeMessages.MoveOwnUnit);
            }

            if (!unit.IsActive)
            {
                return UnitOutcome.Done(unit);
            }

            // FOR UPDATE first: a member being placed in one of these units (which locks it FOR SHARE) finishes before, or sees it inactive.
            var units = await ExecuteAsync(transaction,
                """
                WITH locked AS (SELECT id FROM org_units WHERE path LIKE @path || '%' AND is_active FOR UPDATE)
                UPDATE org_units SET is_active = false, deactivated_at = @now WHERE id IN (SELECT id FROM locked)
                """,
                new { path = unit.Path, now },
                cancellationToken);
            await AuditAsync(transaction, now, actor, AuditActions.UnitDeactivated, unitId, new { Units = units }, cancellationToken);
            return UnitOutcome.Done(await ReadAsync(transaction, unitId, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>
    /// Undoes a deactivation: the unit and the units below it that were deactivated with it. Not a merged unit, nor one whose
    /// parent is inactive.
    /// </summary>
    public Task<UnitOutcome> ReactivateAsync(UnitActor actor, long unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(async (transaction, now) =>
        {
            var unit = await LockInScopeAsync(transaction, actor.ScopeUnitId, unitId, cancellationToken);
            if (unit is null)
            {
                return UnitOutcome.NotFound();
            }

            var parent = unit.ParentId is { } parentId ? await ReadAsync(transaction, parentId, cancellationToken) : null;
            var error = unit.MergedIntoId is not null ? UnitTreeMessages.ReactivateMerged(unit.Name)
                : parent is { IsActive: false } ? UnitTreeMessages.ParentInactive(parent.Name)
                : null;
            if (error is not null)
            {
                return UnitOutcome.Invalid(error);
            }

            if (unit.IsActive)
            {
                return UnitOutcome.Done(unit);
            }

            var units = await ExecuteAsync(transaction,
                """
                UPDATE org_units SET is_active = true, deactivated_at = NULL
                WHERE path LIKE @path || '%' AND merged_into_id IS NULL AND NOT is_active
                  AND deactivated_at = (SELECT deactivated_at FROM org_units WHERE id = @unitId)
                """,
                new { path = unit.Path, unitId },
                cancellationToken);
            await AuditAsync(transaction, now, actor, AuditActions.UnitReactivated, unitId, new { Units = units }, cancellationToken);
            return UnitOutcome.Done(await ReadAsync(transaction, unitId, cancellationToken));
        }, cancellationToken);
    }
}
