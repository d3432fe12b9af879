using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Outreach.Content.Stats;

/// <summary>
/// Writes the reach events that do not come from a delivery's status (those are written by DeliveryStore in the same
/// statement as the status): a click on a tracked link, a member's reply and an opt-out. Replies and opt-outs are written in
/// the caller's turn transaction, so they count exactly once, with the turn.
/// </summary>
public sealed class ReachEventStore(NpgsqlDataSource dataSource, IOptions<ReachOptions> options)
{
    // The latest broadcast she was sent within the attribution window before @at gets the event (none: nothing is written).
    private const string AttributeToLatestBroadcast = """
        INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at)
        SELECT @kind, d.broadcast_id, d.contact_id, d.org_unit_id, d.channel, @at
        FROM deliveries d
        WHERE d.contact_id = @contactId AND d.sent_at IS NOT NULL AND d.sent_at <= @at AND d.sent_at > @at - @window
          AND d.status IN ('sent', 'delivered', 'read')
        ORDER BY d.sent_at DESC, d.broadcast_id DESC
        LIMIT 1
        """;

    /// <summary>A member's message at <paramref name="at"/>: "replied" to the broadcast she got last, if recent. Returns 1 or 0.</summary>
    public Task<int> RecordReplyAsync(NpgsqlTransaction transaction, long contactId, DateTimeOffset at, CancellationToken cancellationToken) =>
        AttributeAsync(transaction, ReachKinds.Replied, contactId, at, cancellationToken);

    /// <summary>
    /// The member opted out (a STOP word, the "stop all" button, an unfollow) at <paramref name="at"/>: "unsubscribed" from the
    /// broadcast she got last, if recent. Call it in the transaction that records the opt-out. Returns 1 or 0.
    /// </summary>
    public Task<int> RecordUnsubscribedAsync(NpgsqlTransaction transaction, long contactId, DateTimeOffset at, CancellationToken cancellationToken) =>
        AttributeAsync(transaction, ReachKinds.Unsubscribed, contactId, at, cancellationToken);

    /// <summary>
    /// Resolves a tracked link: the post's own link for the delivery (<paramref name="broadcastId"/>, <paramref name="contactId"/>),
    /// or null when there is no such delivery or its post has no link. When <paramref name="count"/> is true the click is recorded
    /// in the same statement (every counted click is one lượt).
    /// </summary>
    public Task<string?> RecordClickAsync(long broadcastId, long contactId, bool count, DateTimeOffset at, CancellationToken cancellationToken) =>
        RecordClickAsync(broadcastId, contactId, count, at, TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// As above, but a click is counted only when the delivery's last counted click is at least <paramref name="window"/> old
    /// (a replayed or reloaded link counts once per window). Concurrent replays are serialised on the delivery's
    /// <c>click_windows</c> row, so they still count once.
    /// </summary>
    public async Task<string?> RecordClickAsync(
        long broadcastId, long contactId, bool count, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            """
            WITH target AS (
                SELECT d.broadcast_id, d.contact_id, d.org_unit_id, d.channel, p.link_url
                FROM deliveries d JOIN broadcasts b ON b.id = d.broadcast_id JOIN posts p ON p.id = b.post_id
                WHERE d.broadcast_id = @broadcastId AND d.contact_id = @contactId AND p.link_url IS NOT NULL
                  AND d.status IN ('sent', 'delivered', 'read', 'unknown')
            ), counted AS (
                INSERT INTO click_windows AS w (broadcast_id, contact_id, counted_at)
                SELECT broadcast_id, contact_id, @at FROM target WHERE @count
                ON CONFLICT (broadcast_id, contact_id) DO UPDATE SET counted_at = EXCLUDED.counted_at
                WHERE w.counted_at <= EXCLUDED.counted_at - make_interval(secs => @windowSeconds)
                RETURNING 1
            ), clicked AS (
                INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at)
                SELECT 'clicked', broadcast_id, contact_id, org_unit_id, channel, @at FROM target WHERE EXISTS (SELECT 1 FROM counted)
            )
            SELECT link_url FROM target
            """,
            new { broadcastId, contactId, count, at, windowSeconds = window.TotalSeconds },
            cancellationToken: cancellationToken));
    }

    private async Task<int> AttributeAsync(NpgsqlTransaction transaction, string kind, long contactId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            AttributeToLatestBroadcast,
            new { kind, contactId, at, window = TimeSpan.FromDays(options.Value.AttributionDays) },
            transaction,
            cancellationToken: cancellationToken));
    }
}
