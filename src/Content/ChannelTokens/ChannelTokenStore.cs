using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using Outreach.Content.KeyRing;

namespace Outreach.Content.ChannelTokens;

/// <summary>
/// OAuth tokens of channel accounts. A refresh token that is single-use (Zalo's) must never be spent twice, even by two
/// hosts at once: <see cref="RotateAsync"/> holds the row lock while it exchanges the token and commits the new pair before
/// anyone uses it. With a <see cref="ISecretProtector"/> (the host's key ring) both tokens are stored encrypted; a value written
/// before that is still read as it is and encrypted at its next rotation.
/// </summary>
public sealed class ChannelTokenStore(NpgsqlDataSource dataSource, TimeProvider time, ISecretProtector? protector = null)
{
    private const string Columns =
        "channel, account_id AS accountid, access_token AS accesstoken, access_expires_at AS accessexpiresat, " +
        "refresh_token AS refreshtoken, version, last_error AS lasterror";

    public async Task<ChannelToken?> GetAsync(string channel, string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return Open(await connection.QuerySingleOrDefaultAsync<ChannelToken>(new CommandDefinition(
            $"SELECT {Columns} FROM channel_tokens WHERE channel = @channel AND account_id = @accountId",
            new { channel, accountId },
            cancellationToken: cancellationToken)));
    }

    /// <summary>
    /// Stores a refresh token from configuration (the operator's consent). It replaces the stored pair only when the configured
    /// value changed since it was last seeded: a restart with the same setting keeps the newer, rotated tokens.
    /// Returns true when the row was written.
    /// </summary>
    public async Task<bool> SeedAsync(string channel, string accountId, string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        var seedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO channel_tokens AS t (channel, account_id, refresh_token, seed_hash, updated_at)
            VALUES (@channel, @accountId, @refreshToken, @seedHash, @now)
            ON CONFLICT (channel, account_id) DO UPDATE
            SET access_token = NULL, access_expires_at = NULL, refresh_token = EXCLUDED.refresh_token,
                seed_hash = EXCLUDED.seed_hash, last_error = NULL, version = t.version + 1, updated_at = EXCLUDED.updated_at
            WHERE t.seed_hash IS DISTINCT FROM EXCLUDED.seed_hash
            """,
            new { channel, accountId, refreshToken = Seal(refreshToken), seedHash, now = time.GetUtcNow() },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// Replaces the token whose version the caller saw (<paramref name="seenVersion"/>) by exchanging its refresh token.
    /// Under the row lock: when the version moved on, another caller already rotated it and its token is returned untouched;
    /// otherwise <paramref name="exchange"/> spends the refresh token and the new pair is committed before this returns.
    /// A refusal is recorded in <c>last_error</c>. If <paramref name="exchange"/> throws, nothing changes.
    /// </summary>
    public async Task<TokenRotation> RotateAsync(
        string channel,
        string accountId,
        long seenVersion,
        Func<string, CancellationToken, Task<TokenExchange>> exchange,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = Open(await connection.QuerySingleOrDefaultAsync<ChannelToken>(new CommandDefinition(
            $"SELECT {Columns} FROM channel_tokens WHERE channel = @channel AND account_id = @accountId FOR UPDATE",
            new { channel, accountId },
            transaction,
            cancellationToken: cancellationToken)))
            ?? throw new InvalidOperationException($"No {channel} token is stored for account {accountId}.");
        if (current.Version != seenVersion)
        {
            return new TokenRotation(current, RotatedHere: false, Error: null);
        }

        var result = await exchange(current.RefreshToken, cancellationToken);
        var rotated = result.IsGranted
            ? current with
            {
                AccessToken = result.AccessToken, AccessExpiresAt = result.AccessExpiresAt, RefreshToken = result.RefreshToken!,
                Version = current.Version + 1, LastError = null,
            }
            : current with { LastError = result.Error ?? "refused" };
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE channel_tokens
            SET access_token = @AccessToken, access_expires_at = @AccessExpiresAt, refresh_token = @RefreshToken,
                version = @Version, last_error = @LastError, updated_at = @now
            WHERE channel = @Channel AND account_id = @AccountId
            """,
            new { rotated.Channel, rotated.AccountId, AccessToken = Seal(rotated.AccessToken), rotated.AccessExpiresAt,
                RefreshToken = Seal(rotated.RefreshToken), rotated.Version,
                rotated.LastError, now = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));

        // The new pair is durable before anyone uses it: the old refresh token is spent, and this is now the only copy.
        await transaction.CommitAsync(CancellationToken.None);
        return result.IsGranted ? new TokenRotation(rotated, RotatedHere: true, Error: null) : new TokenRotation(rotated, false, rotated.LastError);
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(plain))]
    private string? Seal(string? plain) => plain is null || protector is null ? plain : protector.Protect(plain);

    // A value the key ring cannot read (a lost key) becomes empty: the token is then refused and the account shows it.
    private ChannelToken? Open(ChannelToken? stored) => stored is null || protector is null ? stored : stored with
    {
        AccessToken = Read(stored.AccessToken),
        RefreshToken = Read(stored.RefreshToken) ?? "unreadable",
    };

    private string? Read(string? stored) =>
        stored is null ? null : ProtectedSecret.IsProtected(stored) ? protector!.Unprotect(stored) : stored;
}
