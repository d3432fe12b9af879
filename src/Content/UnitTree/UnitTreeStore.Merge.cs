using Dapper;
using Npgsql;
using Outreach.Content.Audit;

namespace Outreach.Content.UnitTree;

public sealed partial class UnitTreeStore
{
    // Live state moves to the survivor; facts (deliveries, reach events, member transitions) keep the unit they happened in
    // and count for the survivor through merged_into_id. README.md in this folder says why, table by table.
    private const string MergeSql = """
        UPDATE org_units SET merged_into_id = @survivorId, is_active = false, merged_at = @now,
                             deactivated_at = coalesce(deactivated_at, @now)
        WHERE id = @mergedId;
        UPDATE org_units SET merged_into_id = @survivorId WHERE merged_into_id = @mergedId;
        WITH moved AS (UPDATE org_units SET parent_id = @survivorId WHERE parent_id = @mergedId RETURNING 1)
        SELECT count(*)::int FROM moved;
        WITH moved AS (UPDATE contacts SET org_unit_id = @survivorId, updated_at = @now WHERE org_unit_id = @mergedId RETURNING 1)
        SELECT count(*)::int FROM moved;
        WITH moved AS (UPDATE posts SET org_unit_id = @survivorId WHERE org_unit_id = @mergedId RETURNING 1)
        SELECT count(*)::int FROM moved;
        UPDATE posts SET audience = jsonb_set(audience, '{units}', (
            SELECT jsonb_agg(x ORDER BY x) FROM (
                SELECT DISTINCT CASE WHEN e.t::bigint = @mergedId THEN @survivorId ELSE e.t::bigint END AS x
                FROM jsonb_array_elements_text(audience -> 'units') AS e(t)) AS d))
        WHERE audience -> 'units' @> to_jsonb(@mergedId);
        WITH moved AS (UPDATE staff_users SET org_unit_id = @survivorId WHERE org_unit_id = @mergedId RETURNING 1)
        SELECT count(*)::int FROM moved;
        WITH moved AS (
            INSERT INTO targets (indicator_id, org_unit_id, period_id, target_value, note, set_by, set_at)
            SELECT indicator_id, @survivorId, period_id, target_value, note, set_by, set_at FROM targets
            WHERE org_unit_id = @mergedId AND NOT @survivorIsAncestor
            ON CONFLICT (org_unit_id, period_id, indicator_id) DO UPDATE
            SET target_value = targets.target_value + EXCLUDED.target_value, set_by = @actorId, set_at = @now
            RETURNING 1)
        SELECT count(*)::int FROM moved;
        DELETE FROM targets WHERE org_unit_id = @mergedId;
        WITH moved AS (
            INSERT INTO indicator_results (indicator_id, org_unit_id, period_id, value, note, entered_by, entered_at)
            SELECT indicator_id, @survivorId, period_id, value, note, entered_by, entered_at FROM indicator_results
            WHERE org_unit_id = @mergedId
            ON CONFLICT (indicator_id, period_id, org_unit_id) DO UPDATE
            SET value = indicator_results.value + EXCLUDED.value, entered_by = @actorId, entered_at = @now
            RETURNING 1)
        SELECT count(*)::int FROM moved;
        DELETE FROM indicator_results WHERE org_unit_id = @mergedId;
        """;

    /// <summary>
    /// Merges <paramref name="mergedId"/> into <paramref name="survivorId"/> (the 2025 reform's mergers of communes and
    /// provinces): its child units, members, posts, staff accounts, targets and entered results go to the survivor; it becomes
    /// inactive with a link to the survivor, so its past reach and members count in the survivor's totals, and its code and
    /// join code lead there. Both units in the actor's scope; the survivor active, not below the merged unit, of the same or a
    /// higher level.
    /// </summary>
    public Task<MergeOutcome> MergeAsync(UnitActor actor, long mergedId, long survivorId, CancellationToken cancellationToken) =>
        MergeAsync(actor, mergedId, survivorId, dryRun: false, cancellationToken);

    /// <summary>
    /// What <see cref="MergeAsync(UnitActor, long, long, CancellationToken)"/> would do now, for a confirmation: the same checks and
    /// the same statements in a transaction that is rolled back, so the counts are exactly what a merge at this moment moves.
    /// </summary>
    public Task<MergeOutcome> PreviewMergeAsync(UnitActor actor, long mergedId, long survivorId, CancellationToken cancellationToken) =>
        MergeAsync(actor, mergedId, survivorId, dryRun: true, cancellationToken);

    private Task<MergeOutcome> MergeAsync(UnitActor actor, long mergedId, long survivorId, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(async (transaction, now) =>
        {
            var merged = await LockInScopeAsync(transaction, actor.ScopeUnitId, mergedId, cancellationToken);
            var survivor = merged is null ? null : await LockInScopeAsync(transaction, actor.ScopeUnitId, survivorId, cancellationToken);
            if (merged is null || survivor is null)
            {
                return new MergeOutcome(UnitOutcome.NotFound(), null);
            }

            var error = await MergeErrorAsync(transaction, actor, merged, survivor, cancellationToken);
            if (error is not null)
            {
                return new MergeOutcome(UnitOutcome.Invalid(error), null);
            }

            var summary = await ApplyMergeAsync(transaction, actor, merged, survivor, now, cancellationToken);
            await AuditAsync(transaction, now, actor, AuditActions.UnitMerged, merged.Id,
                new { IntoId = survivor.Id, IntoName = survivor.Name, summary }, cancellationToken);
            await AuditAsync(transaction, now, actor, AuditActions.UnitMerged, survivor.Id,
                new { MergedId = merged.Id, MergedName = merged.Name, summary }, cancellationToken);
            return new MergeOutcome(UnitOutcome.Done(await ReadAsync(transaction, survivor.Id, cancellationToken)), summary);
        }, outcome => outcome.Outcome.IsDone && !dryRun, cancellationToken);
    }

    private static async Task<string?> MergeErrorAsync(
        NpgsqlTransaction transaction, UnitActor actor, UnitNode merged, UnitNode survivor, CancellationToken cancellationToken)
    {
        if (merged.Id == survivor.Id)
        {
            return UnitTreeMessages.MergeIntoItself;
        }

        var levels = await LevelsAsync(transaction.Connection!, transaction, cancellationToken);
        var mergedLevel = levels.Single(l => l.Code == merged.Level);
        var survivorLevel = levels.Single(l => l.Code == survivor.Level);
        return merged.Id == actor.ScopeUnitId ? UnitTreeMessages.MoveOwnUnit
            : merged.MergedIntoId is not null ? UnitTreeMessages.UnitMerged(merged.Name)
            : !survivor.IsActive ? UnitTreeMessages.SurvivorInactive(survivor.Name)
            : merged.Contains(survivor) ? UnitTreeMessages.MergeIntoDescendant
            : survivorLevel.Rank > mergedLevel.Rank ? UnitTreeMessages.MergeIntoLowerLevel(mergedLevel, survivorLevel)
            : null;
    }

    private static async Task<MergeSummary> ApplyMergeAsync(
        NpgsqlTransaction transaction, UnitActor actor, UnitNode merged, UnitNode survivor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A unit merged into one of its ancestors: the ancestor's own target already covers it, so its targets are not added.
        using var results = await transaction.Connection!.QueryMultipleAsync(new CommandDefinition(
            MergeSql,
            new { mergedId = merged.Id, survivorId = survivor.Id, survivorIsAncestor = survivor.Contains(merged), actorId = actor.StaffId, now },
            transaction,
            commandTimeout: 600,
            cancellationToken: cancellationToken));
        var children = await results.ReadSingleAsync<int>();
        var members = await results.ReadSingleAsync<int>();
        var posts = await results.ReadSingleAsync<int>();
        var staff = await results.ReadSingleAsync<int>();
        var targets = await results.ReadSingleAsync<int>();
        var entered = await results.ReadSingleAsync<int>();
        return new MergeSummary(members, children, posts, staff, targets, entered);
    }
}
