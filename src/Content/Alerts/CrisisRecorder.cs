using Npgsql;
using Outreach.Content.Dialogs;
using Outreach.Content.Handoffs;

namespace Outreach.Content.Alerts;

/// <summary>
/// What a crisis message leaves behind, in the turn's transaction: a staff alert (never the text), a handoff request so the
/// conversation is in the staff queue, and the end of any running dialog (her next message must not be read as, say, the
/// commune a screening lookup was waiting for).
/// </summary>
public sealed class CrisisRecorder(CrisisAlertStore alerts, HandoffStore handoffs, DialogStateStore dialogs)
{
    public async Task RecordAsync(
        NpgsqlTransaction transaction, long? contactId, string channel, CrisisAssessment assessment, long? inboxEventId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await alerts.RecordAsync(transaction, contactId, channel, assessment, inboxEventId, at, cancellationToken);
        if (contactId is { } id)
        {
            await handoffs.RequestAsync(transaction, id, HandoffReasons.Crisis, at, cancellationToken);
            await dialogs.ClearAsync(transaction, id, cancellationToken);
        }
    }
}
