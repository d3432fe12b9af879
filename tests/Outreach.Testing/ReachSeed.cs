using Dapper;
using Microsoft.Extensions.Options;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Content.Stats;

namespace Outreach.Testing;

/// <summary>
/// Produces reach events through the product's own write paths: deliveries recorded sent by <see cref="DeliveryStore"/>,
/// receipts applied by it, clicks and replies by <see cref="ReachEventStore"/>. Each call takes the time it happens at.
/// </summary>
public sealed class ReachSeed(TestDatabase database)
{
    public DeliveryStore Deliveries { get; } = new(database.DataSource);

    public ReachEventStore Events { get; } = new(database.DataSource, Options.Create(new ReachOptions()));

    /// <summary>A post of <paramref name="unitId"/> and its broadcast at <paramref name="at"/>. Returns the broadcast id.</summary>
    public async Task<long> BroadcastAsync(
        long unitId, long authorId, string topic, DateTimeOffset at, string? linkUrl = "https://hoilhpn.example/bai-viet", string title = "Bài tuyên truyền",
        CancellationToken ct = default)
    {
        var post = await new PostStore(database.DataSource, TimeProvider.System).CreateAsync(
            new Post { OrgUnitId = unitId, Title = title, Body = "Nội dung", LinkUrl = linkUrl, Topic = topic, Audience = Audience.Of(["messenger", "zalo"], [unitId]), CreatedBy = authorId },
            ct);
        return (await new BroadcastStore(database.DataSource).GetOrCreateAsync(post.Id, at, ct)).Id;
    }

    /// <summary>Delivers the broadcast to the contacts at <paramref name="at"/> (their unit now is the delivery's unit): "sent" events.</summary>
    public async Task SendAsync(long broadcastId, IEnumerable<long> contactIds, DateTimeOffset at, CancellationToken ct = default)
    {
        var ids = contactIds.ToArray();
        var chunk = await ClaimedAsync(broadcastId, ids, at, ct);
        await Deliveries.RecordAsync(chunk, ids.Select(c => new DeliveryResult(c, DeliveryStatuses.Sent, PlatformMessageId: Mid(broadcastId, c))).ToList(), at, ct);
    }

    /// <summary>
    /// Deliveries of the broadcast to the contacts, queued in chunk 0 and claimed in one batch as a worker claims them (the
    /// chunk held under a fresh token), so that <see cref="DeliveryStore.RecordAsync"/> writes their outcomes. Returns the claim.
    /// </summary>
    public async Task<ChunkClaim> ClaimedAsync(long broadcastId, long[] ids, DateTimeOffset at, CancellationToken ct = default)
    {
        var token = Guid.NewGuid();
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO deliveries (broadcast_id, contact_id, channel, org_unit_id, status, chunk_no, updated_at)
            SELECT @broadcastId, c.id, c.channel, c.org_unit_id, 'queued', 0, @at FROM contacts c WHERE c.id = ANY(@ids);
            INSERT INTO broadcast_chunks (broadcast_id, chunk_no, status, claimed_until, claim_token)
            VALUES (@broadcastId, 0, 'claimed', @until, @token)
            ON CONFLICT (broadcast_id, chunk_no) DO UPDATE SET status = 'claimed', claimed_until = @until, claim_token = @token;
            INSERT INTO delivery_claims (broadcast_id, chunk_no, claim_token, contact_ids, claimed_at) VALUES (@broadcastId, 0, @token, @ids, @at);
            """,
            new { broadcastId, ids, at, until = at.AddMinutes(1), token },
            cancellationToken: ct));
        return new ChunkClaim(broadcastId, 0, token);
    }

    /// <summary>A delivery or read receipt for one delivery, as the receipt middleware applies it.</summary>
    public async Task<int> ReceiptAsync(long broadcastId, long contactId, string receipt, DateTimeOffset at, CancellationToken ct = default)
    {
        var (channel, account, user) = await AddressAsync(contactId, ct);
        return await Deliveries.ApplyReceiptAsync(null, channel, account, user, receipt, [Mid(broadcastId, contactId)], null, at, ct);
    }

    public Task<string?> ClickAsync(long broadcastId, long contactId, DateTimeOffset at, CancellationToken ct = default) =>
        Events.RecordClickAsync(broadcastId, contactId, count: true, at, ct);

    /// <summary>The member writes at <paramref name="at"/> (in a committed transaction, as a turn would).</summary>
    public async Task<int> ReplyAsync(long contactId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var written = await Events.RecordReplyAsync(transaction, contactId, at, ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>Moves a member to another unit (later broadcasts are delivered there).</summary>
    public async Task MoveContactAsync(long contactId, long unitId, CancellationToken ct = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET org_unit_id = @unitId WHERE id = @contactId", new { contactId, unitId }, cancellationToken: ct));
    }

    public static string Mid(long broadcastId, long contactId) => $"m-{broadcastId}-{contactId}";

    /// <summary>
    /// Runs the roll-up until no event waits beyond its watermark (60 s at most). One run may not be enough: it only takes
    /// events of transactions older than every transaction still open in the whole cluster, and other tests' are open.
    /// Returns the events consumed.
    /// </summary>
    public static async Task<int> RollUpAllAsync(ReachRollup rollup, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        var total = 0;
        while (true)
        {
            total += await rollup.RunAsync(limit.Token);
            if ((await rollup.StatusAsync(limit.Token)).PendingEvents == 0)
            {
                return total;
            }

            await Task.Delay(50, limit.Token);
        }
    }

    private async Task<(string Channel, string Account, string User)> AddressAsync(long contactId, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<(string, string, string)>(new CommandDefinition(
            "SELECT channel, account_id, platform_user_id FROM contacts WHERE id = @contactId", new { contactId }, cancellationToken: ct));
    }
}
