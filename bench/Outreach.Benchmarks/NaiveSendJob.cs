using Dapper;
using Npgsql;
using Outreach.Scheduler.Sending;
using Outreach.Content.Messages;

namespace Outreach.Benchmarks;

/// <summary>
/// The naive design the fan-out is compared with: one Hangfire job per recipient, which reads its member, sends, and writes
/// its delivery row. (Hangfire activates it through the gateway's container.)
/// </summary>
public sealed class NaiveSendJob(NpgsqlDataSource dataSource, ChannelSenders senders)
{
    public async Task RunAsync(long broadcastId, long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var member = await connection.QuerySingleAsync<(string Account, string Psid)>(
            "SELECT account_id, platform_user_id FROM contacts WHERE id = @contactId", new { contactId });
        var result = await senders.For("messenger")!.SendAsync(
            new OutboundMessage { Channel = "messenger", AccountId = member.Account, RecipientId = member.Psid, Text = "Khám sàng lọc miễn phí", Purpose = MessagePurpose.Broadcast },
            cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE deliveries SET status = @status, sent_at = now(), updated_at = now() WHERE broadcast_id = @broadcastId AND contact_id = @contactId",
            new { broadcastId, contactId, status = result.IsSent ? "sent" : "failed" });
    }
}
