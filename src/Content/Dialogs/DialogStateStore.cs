using Dapper;
using Npgsql;

namespace Outreach.Content.Dialogs;

/// <summary>Dialog state, read and written in the turn's transaction so it commits with the turn's replies.</summary>
public sealed class DialogStateStore
{
    public async Task<DialogState?> GetAsync(NpgsqlTransaction transaction, long contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.QuerySingleOrDefaultAsync<DialogState>(new CommandDefinition(
            "SELECT dialog, step, data::text AS data FROM dialog_states WHERE contact_id = @contactId",
            new { contactId }, transaction, cancellationToken: cancellationToken));
    }

    public async Task SetAsync(NpgsqlTransaction transaction, long contactId, DialogState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(state);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO dialog_states (contact_id, dialog, step, data, updated_at) VALUES (@contactId, @Dialog, @Step, @Data::jsonb, @at)
            ON CONFLICT (contact_id) DO UPDATE SET dialog = EXCLUDED.dialog, step = EXCLUDED.step, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at
            """,
            new { contactId, state.Dialog, state.Step, state.Data, at }, transaction, cancellationToken: cancellationToken));
    }

    public async Task ClearAsync(NpgsqlTransaction transaction, long contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM dialog_states WHERE contact_id = @contactId", new { contactId }, transaction, cancellationToken: cancellationToken));
    }
}
