using Dapper;
using Npgsql;

namespace Outreach.Content.Channels;

/// <summary>
/// Whether each channel works, as its last sends found it (table channel_health): the console shows a channel that is down
/// on the pages that depend on it (issue 18.1). Written only when a channel's state changes.
/// </summary>
public sealed class ChannelHealthStore(NpgsqlDataSource dataSource)
{
    /// <summary>Records the channel's state; <paramref name="since"/> moves only when the state changes.</summary>
    public async Task RecordAsync(string channel, string state, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO channel_health (channel, state, detail, since, checked_at) VALUES (@channel, @state, @detail, @now, @now)
            ON CONFLICT (channel) DO UPDATE
            SET since = CASE WHEN channel_health.state = EXCLUDED.state THEN channel_health.since ELSE EXCLUDED.since END,
                state = EXCLUDED.state, detail = EXCLUDED.detail, checked_at = EXCLUDED.checked_at
            """,
            new { channel, state, detail, now },
            cancellationToken: cancellationToken));
    }

    /// <summary>The channels whose last sends found them down.</summary>
    public async Task<IReadOnlyList<ChannelHealth>> ListDownAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChannelHealth>(new CommandDefinition(
            "SELECT channel, state, detail, since FROM channel_health WHERE state <> 'ok' ORDER BY channel",
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>A channel's state as its last sends found it.</summary>
public sealed record ChannelHealth(string Channel, string State, string? Detail, DateTimeOffset Since);

/// <summary>The states of <see cref="ChannelHealth"/>.</summary>
public static class ChannelStates
{
    public const string Ok = "ok";

    /// <summary>The platform refused our access token.</summary>
    public const string TokenRefused = "token_refused";

    /// <summary>The platform did not answer (5xx, timeouts, connection refused) after the retries.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The account's quota is used up, or its paid features are not connected or cannot be billed (Zalo -211/-320/-321).</summary>
    public const string QuotaOrBilling = "quota_or_billing";
}
