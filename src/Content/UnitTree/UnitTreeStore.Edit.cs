using Dapper;
using Npgsql;
using Outreach.Content.Audit;

namespace Outreach.Content.UnitTree;

public sealed partial class UnitTreeStore
{
    /// <summary>Creates a unit under <paramref name="parentId"/> (in the actor's scope, active, of a higher level).</summary>
    public Task<UnitOutcome> CreateAsync(
        UnitActor actor, long parentId, string level, string name, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(async (transaction, now) =>
        {
            var parent = await LockInScopeAsync(transaction, actor.ScopeUnitId, parentId, cancellationToken);
            if (parent is null)
            {
                return UnitOutcome.NotFound();
            }

            var error = await CreateErrorAsync(transaction, parent, level, name, code, cancellationToken);
            if (error is not null)
            {
                return UnitOutcome.Invalid(error);
            }

            var unit = await InsertAsync(transaction, parent.Id, level, UnitRules.CleanName(name), NullIfEmpty(code), null, cancellationToken);
            await AuditAsync(transaction, now, actor, AuditActions.UnitCreated, unit.Id,
                new { unit.Name, unit.Level, unit.Code, ParentId = parent.Id }, cancellationToken);
            return UnitOutcome.Done(unit);
        }, cancellationToken);
    }

    /// <summary>Gives the unit a new name (a merged unit keeps the name it had).</summary>
    public Task<UnitOutcome> RenameAsync(UnitActor actor, long unitId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(async (transaction, now) =>
        {
            var unit = await LockInScopeAsync(transaction, actor.ScopeUnitId, unitId, cancellationToken);
            if (unit is null)
            {
                return UnitOutcome.NotFound();
            }

            var error = unit.MergedIntoId is not null ? UnitTreeMessages.UnitMerged(unit.Name) : UnitRules.NameError(name);
            if (error is not null)
            {
                return UnitOutcome.Invalid(error);
            }

            var clean = UnitRules.CleanName(name);
            if (clean == unit.Name)
            {
                return UnitOutcome.Done(unit);
            }

            await ExecuteAsync(transaction, "UPDATE org_units SET name = @clean WHERE id = @unitId", new { clean, unitId }, cancellationToken);
            await AuditAsync(transaction, now, actor, AuditActions.UnitRenamed, unitId, new { From = unit.Name, To = clean }, cancellationToken);
            return UnitOutcome.Done(unit with { Name = clean });
        }, cancellationToken);
    }

    /// <summary>Sets (or, with null or empty, clears) the unit's code: the <c>ref</c> of its links and its key in spreadsheets.</summary>
    public Task<UnitOutcome> SetCodeAsync(UnitActor actor, long unitId, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var clean = NullIfEmpty(code);
        return ChangeAsync(async (transaction, now) =>
        {
            var unit = await LockInScopeAsync(transaction, actor.ScopeUnitId, unitId, cancellationToken);
            if (unit is null)
            {
                return UnitOutcome.NotFound();
            }

            var error = unit.MergedIntoId is not null ? UnitTreeMessages.UnitMerged(unit.Name)
                : clean is null ? null
                : UnitRules.CodeError(clean) ?? await CodeTakenErrorAsync(transaction, clean, unitId, cancellationToken);
            if (error is not null)
            {
                return UnitOutcome.Invalid(error);
            }

            if (clean == unit.Code)
            {
                return UnitOutcome.Done(unit);
            }

            await ExecuteAsync(transaction, "UPDATE org_units SET code = @clean WHERE id = @unitId", new { clean, unitId }, cancellationToken);
            await AuditAsync(transaction, now, actor, AuditActions.UnitCodeSet, unitId, new { From = unit.Code, To = clean }, cancellationToken);
            return UnitOutcome.Done(unit with { Code = clean });
        }, cancellationToken);
    }

    /// <summary>Why a unit cannot be created under <paramref name="parent"/>, or null.</summary>
    internal static async Task<string?> CreateErrorAsync(
        NpgsqlTransaction transaction, UnitNode parent, string level, string name, string? code, CancellationToken cancellationToken)
    {
        if (!parent.IsActive)
        {
            return UnitTreeMessages.ParentInactive(parent.Name);
        }

        var levels = await LevelsAsync(transaction.Connection!, transaction, cancellationToken);
        var own = levels.FirstOrDefault(l => l.Code == level);
        if (own is null)
        {
            return UnitTreeMessages.LevelUnknown(level);
        }

        var clean = NullIfEmpty(code);
        return UnitRules.LevelError(own, levels.Single(l => l.Code == parent.Level))
            ?? UnitRules.NameError(name)
            ?? (clean is null ? null : UnitRules.CodeError(clean) ?? await CodeTakenErrorAsync(transaction, clean, null, cancellationToken));
    }

    internal static Task<UnitNode> InsertAsync(
        NpgsqlTransaction transaction, long parentId, string level, string name, string? code, string? adminCode, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<UnitNode>(new CommandDefinition(
            $"""
            WITH u AS (
                INSERT INTO org_units (parent_id, level, name, code, admin_code) VALUES (@parentId, @level, @name, @code, @adminCode)
                RETURNING *)
            SELECT {UnitNode.Columns} FROM u
            """,
            new { parentId, level, name, code, adminCode },
            transaction,
            cancellationToken: cancellationToken));

    private static string? NullIfEmpty(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    private static Task<int> ExecuteAsync(NpgsqlTransaction transaction, string sql, object args, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
}
