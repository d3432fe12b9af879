using Dapper;
using Outreach.Content.Audit;
using Outreach.Content.Contacts;

namespace Outreach.Content.Members;

public sealed partial class MemberStore
{
    // Her messages (the inbox's payloads and our replies' bodies), her name and her platform id go; the contact row stays as
    // an anonymous key (id, channel, unit, dates), so reach and member counts keep counting her once without naming her.
    private const string EraseSql = """
        WITH scrubbed AS (
            UPDATE inbox_events SET payload = '{"erased": true}'::jsonb, sender_id = NULL, last_error = NULL,
                   status = CASE WHEN status IN ('pending', 'processing') THEN 'ignored' ELSE status END
            WHERE channel = @channel AND account_id = @accountId AND sender_id = @platformUserId
            RETURNING 1)
        SELECT count(*)::int FROM scrubbed;
        WITH scrubbed AS (
            UPDATE outbound_messages SET body = '{"erased": true}'::jsonb, recipient_id = 'erased', platform_message_ids = '{}',
                   error_message = NULL,
                   status = CASE WHEN status IN ('pending', 'sending') THEN 'failed' ELSE status END,
                   error_code = CASE WHEN status IN ('pending', 'sending') THEN 'erased' ELSE error_code END
            WHERE channel = @channel AND account_id = @accountId AND recipient_id = @platformUserId
            RETURNING 1)
        SELECT count(*)::int FROM scrubbed;
        UPDATE deliveries SET platform_message_id = NULL,
               status = CASE WHEN status IN ('queued', 'sending') THEN 'cancelled' ELSE status END
        WHERE contact_id = @contactId;
        DELETE FROM subscriptions WHERE contact_id = @contactId;
        DELETE FROM dialog_states WHERE contact_id = @contactId;
        UPDATE member_questions SET text = NULL, wording = NULL WHERE contact_id = @contactId;
        UPDATE handoffs SET status = 'closed', closed_at = @now, closed_by = 'erased'
        WHERE contact_id = @contactId AND status IN ('requested', 'active');
        UPDATE crisis_alerts SET acknowledged_at = @now, acknowledged_by = 'erased'
        WHERE contact_id = @contactId AND acknowledged_at IS NULL;
        UPDATE contacts SET display_name = NULL, platform_user_id = 'erased-' || id, status = 'erased', last_inbound_at = NULL,
               profile_due_at = NULL, profile_refresh_at = NULL, profile_checked_at = NULL, profile_outcome = NULL, profile_attempts = 0,
               updated_at = @now
        WHERE id = @contactId;
        """;

    /// <summary>
    /// Erases a member on her request (admins only: the application service checks the role): her messages both ways, her
    /// name and her platform id are removed, her subscriptions, dialog and open handoff end, her open crisis alerts are closed
    /// (acknowledged_by 'erased': nobody is left to call back), and queued broadcasts to her are cancelled, in one transaction. What she was sent and did stays as anonymous numbers under her unit. Audited, without her name.
    /// </summary>
    public async Task<MemberOutcome> EraseAsync(long actorId, long scopeUnitId, long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var contact = await LockInScopeAsync(transaction, scopeUnitId, contactId, cancellationToken);
        if (contact is null)
        {
            return MemberOutcome.NotFound;
        }

        if (contact.Status == ContactStatuses.Erased)
        {
            return MemberOutcome.Done;
        }

        var now = time.GetUtcNow();
        int messages, replies;
        using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
            EraseSql,
            new { contactId, contact.Channel, contact.AccountId, contact.PlatformUserId, now },
            transaction,
            commandTimeout: 600,
            cancellationToken: cancellationToken)))
        {
            messages = await results.ReadSingleAsync<int>();
            replies = await results.ReadSingleAsync<int>();
        }

        await AuditLog.WriteAsync(transaction, now, actorId, AuditActions.MemberErased, contact.OrgUnitId ?? scopeUnitId, contactId,
            new { contact.Channel, Messages = messages, Replies = replies }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MemberOutcome.Done;
    }
}
