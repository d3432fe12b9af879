using Dapper;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.OrgUnits;
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
