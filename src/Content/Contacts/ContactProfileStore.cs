using Dapper;
using Npgsql;

namespace Outreach.Content.Contacts;

/// <summary>
/// The members whose name is to be looked up on their platform, and what the lookup found (migration 0200). A lookup is asked
/// for by <see cref="ContactStore.UpsertAsync"/> when a member interacts and her last lookup is older than its refresh time;
/// a worker claims due members (moving their due time forward by a lease, so a host dying mid-lookup only delays it) and
/// records the outcome. A found name replaces the stored one; a failure keeps whatever was there. An erased member is never
/// due and never written (her platform id no longer matches).
/// </summary>
public sealed class ContactProfileStore(NpgsqlDataSource dataSource)
{
    /// <summary>Claims up to <paramref name="limit"/> members due for a lookup, oldest due first.</summary>
    public async Task<IReadOnlyList<ProfileLookupClaim>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProfileLookupClaim>(new CommandDefinition(
            """
            WITH due AS (
                SELECT id FROM contacts
                WHERE profile_due_at IS NOT NULL AND profile_due_at <= now() AND status <> 'erased'
                ORDER BY profile_due_at
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE contacts c SET profile_due_at = now() + @lease
            FROM due WHERE c.id = due.id
            RETURNING c.id AS contactid, c.channel, c.account_id AS accountid, c.platform_user_id AS platformuserid,
                      c.profile_attempts AS attempts
            """,
            new { limit, lease },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Records a finished lookup: <paramref name="name"/> (when found) becomes her display name; no further lookup until
    /// <paramref name="refreshAfter"/> has passed and she interacts again.
    /// </summary>
    public async Task RecordDoneAsync(
        ProfileLookupClaim claim, string? name, string outcome, TimeSpan refreshAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE contacts SET display_name = COALESCE(@name, display_name), profile_due_at = NULL,
                   profile_refresh_at = now() + @refreshAfter, profile_checked_at = now(), profile_outcome = @outcome, profile_attempts = 0
            WHERE id = @ContactId AND platform_user_id = @PlatformUserId AND status <> 'erased'
            """,
            new { claim.ContactId, claim.PlatformUserId, name = Clean(name), outcome, refreshAfter },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records a lookup that may succeed later (network, rate limit): tried again after <paramref name="retryAfter"/>.</summary>
    public async Task RecordRetryAsync(ProfileLookupClaim claim, string outcome, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE contacts SET profile_due_at = now() + @retryAfter, profile_checked_at = now(), profile_outcome = @outcome,
                   profile_attempts = LEAST(profile_attempts + 1, 1000)
            WHERE id = @ContactId AND platform_user_id = @PlatformUserId AND status <> 'erased'
            """,
            new { claim.ContactId, claim.PlatformUserId, outcome, retryAfter },
            cancellationToken: cancellationToken));
    }

    /// <summary>A platform's name as staff see it: trimmed, control characters removed, at most 200 characters; blank is none.</summary>
    public static string? Clean(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var text = new string(name.Where(ch => !char.IsControl(ch)).ToArray()).Trim();
        return text.Length == 0 ? null : text[..Math.Min(text.Length, 200)];
    }
}

/// <summary>A member claimed for a lookup: where to ask, and how many transient failures came before.</summary>
public sealed record ProfileLookupClaim(long ContactId, string Channel, string AccountId, string PlatformUserId, short Attempts);
