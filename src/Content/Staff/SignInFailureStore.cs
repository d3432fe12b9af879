using Dapper;
using Npgsql;

namespace Outreach.Content.Staff;

/// <summary>
/// Failed sign-ins by username (existing or not), shared by every host: after <see cref="SignInLockPolicy.FailuresBeforeLock"/>
/// failures in a row the name is locked, and each further failure doubles the lock, up to a maximum. A success forgets them.
/// </summary>
public sealed class SignInFailureStore(NpgsqlDataSource dataSource)
{
    /// <summary>Usernames are keyed as typed, trimmed and lower-cased, cut to this length (longer ones cannot exist).</summary>
    public const int MaxKeyLength = 128;

    /// <summary>Until when the name is locked, or null when it is not.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string username, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT locked_until FROM sign_in_failures WHERE username = @key AND locked_until > @now",
            new { key = Key(username), now },
            cancellationToken: cancellationToken));
    }

    /// <summary>Counts one more failure; returns until when the name is now locked (null: not yet).</summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(string username, DateTimeOffset at, SignInLockPolicy policy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // failures: counted again from 1 once the last failure is older than the policy's memory. The lock grows as
        // first × 2^(failures − threshold), capped (the exponent too, so power() never overflows). SET sees the old row, so the
        // new count is spelled out where the lock needs it.
        const string NewCount = "CASE WHEN f.last_failed_at < @at - make_interval(secs => @forgetSeconds) THEN 1 ELSE f.failures + 1 END";
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            $"""
            INSERT INTO sign_in_failures AS f (username, failures, last_failed_at, locked_until)
            VALUES (@key, 1, @at, {LockAfter("1")})
            ON CONFLICT (username) DO UPDATE
            SET failures = {NewCount}, last_failed_at = @at, locked_until = {LockAfter(NewCount)}
            RETURNING f.locked_until
            """,
            new
            {
                key = Key(username), at, threshold = policy.FailuresBeforeLock, firstSeconds = policy.FirstLock.TotalSeconds,
                maxSeconds = policy.MaxLock.TotalSeconds, forgetSeconds = policy.ForgetAfter.TotalSeconds,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Forgets the name's failures (a successful sign-in).</summary>
    public async Task ClearAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_failures WHERE username = @key", new { key = Key(username) }, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes the rows of names neither locked nor failed since <paramref name="before"/> (housekeeping).</summary>
    public async Task<int> ForgetOldAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_failures WHERE last_failed_at < @before AND (locked_until IS NULL OR locked_until < @before)",
            new { before },
            cancellationToken: cancellationToken));
    }

    private static string LockAfter(string failures) =>
        $"CASE WHEN ({failures}) >= @threshold THEN @at + make_interval(secs => least(@maxSeconds, " +
        $"@firstSeconds * power(2, least(({failures}) - @threshold, 20)))) END";

    private static string Key(string username)
    {
        var key = (username ?? "").Trim().ToLowerInvariant();
        return key.Length <= MaxKeyLength ? key : key[..MaxKeyLength];
    }
}

/// <summary>When a username is locked after failed sign-ins, and for how long.</summary>
public sealed record SignInLockPolicy(int FailuresBeforeLock, TimeSpan FirstLock, TimeSpan MaxLock, TimeSpan ForgetAfter);
