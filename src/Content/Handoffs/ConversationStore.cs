using Dapper;
using Npgsql;
using Outreach.Content.Contacts;
using Outreach.Content.Inbox;

namespace Outreach.Content.Handoffs;

/// <summary>
/// A member's recent conversation for the staff member answering her: what she wrote (inbox events she sent, as stored;
/// the channel's adapter reads them) and what we sent her (conversational messages of the outbox: bot and staff replies).
/// Both are read by the member's address on the channel (staff replies are sent outside a turn and carry no contact id).
/// </summary>
public sealed class ConversationStore(NpgsqlDataSource dataSource)
{
    // Events a member writes: Messenger and web chat messages and button taps, Zalo's user_send_* (text, image, sticker…).
    // Receipts, echoes of our own messages, follows and the like are not part of what staff read.
    private const string MemberWritten = "(e.kind IN ('message', 'postback') OR e.kind LIKE 'user\\_send\\_%')";

    /// <summary>The member's last <paramref name="limit"/> messages, oldest first.</summary>
    public async Task<IReadOnlyList<InboxEvent>> RecentInboundAsync(Contact contact, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InboxEvent>(new CommandDefinition(
            $"""
            SELECT e.id, e.channel, e.platform_event_id AS platformeventid, e.kind, e.account_id AS accountid,
                   e.sender_id AS senderid, coalesce(e.event_time, e.received_at) AS eventtime, e.payload::text AS payload, e.attempts
            FROM inbox_events e
            WHERE e.channel = @Channel AND e.account_id = @AccountId AND e.sender_id = @PlatformUserId AND {MemberWritten}
            ORDER BY e.id DESC
            LIMIT @limit
            """,
            new { contact.Channel, contact.AccountId, contact.PlatformUserId, limit }, cancellationToken: cancellationToken));
        return rows.Reverse().ToList();
    }

    /// <summary>Our last <paramref name="limit"/> conversational messages to the member, oldest first.</summary>
    public async Task<IReadOnlyList<SentMessage>> RecentOutboundAsync(Contact contact, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SentMessage>(new CommandDefinition(
            """
            SELECT id, purpose, body->>'text' AS text, status, error_code, created_at
            FROM outbound_messages
            WHERE channel = @Channel AND account_id = @AccountId AND recipient_id = @PlatformUserId
            ORDER BY id DESC
            LIMIT @limit
            """,
            new { contact.Channel, contact.AccountId, contact.PlatformUserId, limit }, cancellationToken: cancellationToken));
        return rows.Reverse().ToList();
    }
}

/// <summary>A conversational message we sent (or are sending) to a member. <see cref="Purpose"/>: reply, human_agent_reply.</summary>
public sealed record SentMessage(long Id, string Purpose, string? Text, string Status, string? ErrorCode, DateTimeOffset CreatedAt);
