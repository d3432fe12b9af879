using Dapper;
using Microsoft.Extensions.Time.Testing;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Broadcasts;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Content.Staff;

namespace Outreach.Testing;

/// <summary>Puts org units, staff, contacts and subscriptions into a test database, the way the product's own stores do.</summary>
public sealed class Seed(TestDatabase database)
{
    public const string Password = "mat-khau-thu-nghiem";

    private static readonly StaffPasswords Passwords = new();

    public OrgUnitStore Units { get; } = new(database.DataSource);

    public async Task<OrgUnit> UnitAsync(long? parentId, string level, string name, CancellationToken ct = default) =>
        await Units.CreateAsync(parentId, level, name, null, ct);

    public async Task<StaffUser> StaffAsync(string username, long orgUnitId, string role, CancellationToken ct = default) =>
        await new StaffUserStore(database.DataSource).CreateAsync(username, username, orgUnitId, role, Passwords.Hash(Password), ct);

    /// <summary>A contact who last wrote <paramref name="lastInbound"/> ago (null: never), subscribed to <paramref name="topics"/>.</summary>
    public async Task<long> ContactAsync(
        string channel, string userId, long orgUnitId, TimeSpan? lastInbound, DateTimeOffset now, string[] topics, string status = "active",
        CancellationToken ct = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id, status, last_inbound_at)
            VALUES (@channel, @account, @userId, @orgUnitId, @status, @lastInboundAt) RETURNING id
            """,
            new { channel, account = AccountFor(channel), userId, orgUnitId, status, lastInboundAt = now - lastInbound },
            cancellationToken: ct));
        foreach (var topic in topics)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO subscriptions (contact_id, topic, opted_in_at, source) VALUES (@id, @topic, @at, 'test')",
                new { id, topic, at = now - TimeSpan.FromDays(30) },
                cancellationToken: ct));
        }

        return id;
    }

    /// <summary>Many contacts at once (set-based), all subscribed to <paramref name="topic"/> and inside their window.</summary>
    /// <summary>
    /// A broadcast "sending" to <paramref name="contacts"/> Messenger members of a new province (topic "health", written an hour
    /// before <paramref name="now"/>), planned in chunks of <paramref name="chunkSize"/>. Returns the broadcast's id.
    /// </summary>
    public async Task<long> SendingBroadcastAsync(int contacts, int chunkSize, DateTimeOffset now, CancellationToken ct = default)
    {
        var unit = await UnitAsync(null, "tinh", "Tỉnh", ct);
        var editor = await StaffAsync("editor", unit.Id, "editor", ct);
        await ManyContactsAsync("messenger", contacts, unit.Id, "health", now.AddHours(-1), "psid-", ct);
        var post = await new PostStore(database.DataSource, new FakeTimeProvider(now)).CreateAsync(
            new Post { OrgUnitId = unit.Id, Title = "T", Body = "B", Topic = "health", Audience = Audience.Of(["messenger"], [unit.Id]), CreatedBy = editor.Id },
            ct);
        var broadcastId = (await new BroadcastStore(database.DataSource).GetOrCreateAsync(post.Id, now, ct)).Id;
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await new AudiencePlanner(TestChannels.Eligibility()).PlanAsync(transaction, broadcastId, post, now, chunkSize, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcasts SET status = 'sending' WHERE id = @id", new { id = broadcastId }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return broadcastId;
    }

    public async Task ManyContactsAsync(string channel, int count, long orgUnitId, string topic, DateTimeOffset lastInbound, string prefix, CancellationToken ct = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            WITH c AS (
                INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id, last_inbound_at)
                SELECT @channel, @account, @prefix || g, @orgUnitId, @lastInbound FROM generate_series(1, @count) g
                RETURNING id)
            INSERT INTO subscriptions (contact_id, topic, opted_in_at, source) SELECT id, @topic, @lastInbound, 'test' FROM c
            """,
            new { channel, account = AccountFor(channel), count, orgUnitId, topic, lastInbound, prefix },
            commandTimeout: 600,
            cancellationToken: ct));
    }

    public async Task UnsubscribeAsync(long contactId, string topic, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscriptions SET opted_out_at = @at WHERE contact_id = @contactId AND topic = @topic",
            new { contactId, topic, at },
            cancellationToken: ct));
    }

    /// <summary>The account id tests use per channel (a Page id, an OA id, the web chat's).</summary>
    public static string AccountFor(string channel) => channel switch
    {
        "messenger" => Emulators.Messenger.MessengerEmulatorOptions.DefaultPageId,
        "zalo" => new Emulators.Zalo.ZaloEmulatorOptions().OaId,
        _ => "local",
    };
}
