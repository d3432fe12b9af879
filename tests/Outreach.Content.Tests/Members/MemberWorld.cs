using Dapper;
using Outreach.Content.Tests.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.Members;

/// <summary>The tree world with members put in at chosen times (created_at and updated_at, which member transitions take).</summary>
internal static class MemberWorld
{
    public static async Task<long> ContactAsync(
        this TreeWorld world, string channel, string userId, long? unitId, DateTimeOffset createdAt, DateTimeOffset? lastInbound = null,
        string? name = null, string[]? topics = null)
    {
        await using var connection = await world.Database.DataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id, display_name, last_inbound_at, created_at, updated_at)
            VALUES (@channel, @account, @userId, @unitId, @name, @lastInbound, @createdAt, @createdAt) RETURNING id
            """,
            new { channel, account = Seed.AccountFor(channel), userId, unitId, name, lastInbound, createdAt });
        foreach (var topic in topics ?? [])
        {
            await connection.ExecuteAsync(
                "INSERT INTO subscriptions (contact_id, topic, opted_in_at, source) VALUES (@id, @topic, @createdAt, 'test')", new { id, topic, createdAt });
        }

        return id;
    }

    /// <summary>She unfollows (or comes back) at <paramref name="at"/>.</summary>
    public static async Task SetStatusAsync(this TreeWorld world, long contactId, string status, DateTimeOffset at)
    {
        await using var connection = await world.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE contacts SET status = @status, updated_at = @at WHERE id = @contactId", new { contactId, status, at });
    }
}
