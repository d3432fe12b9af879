using Dapper;
using Npgsql;
using Outreach.Content.Contacts;
using Outreach.Content.Staff;

namespace Outreach.Content.Notices;

/// <summary>
/// Staff notices by e-mail (issue 18.3): each staff member's own address, what of her scope happened since she set it, and what
/// she was already mailed (so each notice is mailed once), with the last failure to show her.
/// </summary>
public sealed class StaffMailStore(NpgsqlDataSource dataSource)
{
    /// <summary>Sets (or with null, removes) her address. A new address is mailed only what happens from now on.</summary>
    public async Task SetEmailAsync(long staffId, string? email, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE staff_users SET
                notify_email_since = CASE WHEN notify_email IS NOT DISTINCT FROM @email THEN notify_email_since
                                          WHEN @email IS NULL THEN NULL ELSE @at END,
                notify_email = @email, notify_email_error = NULL, notify_email_error_at = NULL
            WHERE id = @staffId
            """,
            new { staffId, email, at },
            cancellationToken: cancellationToken));
    }

    /// <summary>Her address and the last failure to mail it (null, null, null: none set).</summary>
    public async Task<MailSetting> SettingAsync(long staffId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MailSetting>(new CommandDefinition(
            """
            SELECT notify_email AS email, notify_email_error AS error, notify_email_error_at AS errorat
            FROM staff_users WHERE id = @staffId
            """,
            new { staffId },
            cancellationToken: cancellationToken)) ?? new MailSetting(null, null, null);
    }

    /// <summary>Active staff with an address.</summary>
    public async Task<IReadOnlyList<MailRecipient>> RecipientsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecipientRow>(new CommandDefinition(
            """
            SELECT id, username, display_name AS displayname, org_unit_id AS orgunitid, role, is_active AS isactive,
                   notify_email AS email, notify_email_since AS since, notify_email_error_at AS errorat
            FROM staff_users WHERE is_active AND notify_email IS NOT NULL
            ORDER BY id
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => new MailRecipient(
            new StaffUser(r.Id, r.Username, r.DisplayName, r.OrgUnitId, r.Role, r.IsActive), r.Email, r.Since, r.ErrorAt)).ToList();
    }

    /// <summary>Her scope's open crisis alerts and members waiting for a person that arrived since <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<MailItem>> ScopeItemsAsync(long scopeUnitId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MailItem>(new CommandDefinition(
            $"""
            SELECT 'alert' AS kind, a.id, a.created_at AS at, coalesce(cu.name, '') AS label
            FROM crisis_alerts a LEFT JOIN contacts c ON c.id = a.contact_id {ContactScope.Join}
            WHERE a.acknowledged_at IS NULL AND a.created_at >= @since AND {ContactScope.Where}
            UNION ALL
            SELECT 'handoff', h.id, h.requested_at, coalesce(cu.name, '')
            FROM handoffs h JOIN contacts c ON c.id = h.contact_id {ContactScope.Join}
            WHERE h.status = 'requested' AND h.reason = 'member' AND h.requested_at >= @since AND {ContactScope.Where}
            ORDER BY at
            """,
            new { scopeUnitId, since },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Those of <paramref name="items"/> she was not mailed yet.</summary>
    public async Task<IReadOnlyList<MailItem>> UnmailedAsync(long staffId, IReadOnlyList<MailItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var mailed = (await connection.QueryAsync<(string Kind, long ItemId, DateTimeOffset ItemAt)>(new CommandDefinition(
            """
            SELECT kind, item_id, item_at FROM staff_notice_mail
            WHERE staff_user_id = @staffId AND (kind, item_id) IN (SELECT * FROM unnest(@kinds, @ids))
            """,
            new { staffId, kinds = items.Select(i => i.Kind).ToArray(), ids = items.Select(i => i.Id).ToArray() },
            cancellationToken: cancellationToken))).ToHashSet();
        return items.Where(i => !mailed.Contains((i.Kind, i.Id, i.At))).ToList();
    }

    /// <summary>Remembers that she was mailed these, and clears her last failure.</summary>
    public async Task MarkMailedAsync(long staffId, IReadOnlyList<MailItem> items, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staff_notice_mail (staff_user_id, kind, item_id, item_at, mailed_at)
            SELECT @staffId, k, i, a, @at FROM unnest(@kinds, @ids, @ats) AS x(k, i, a)
            ON CONFLICT DO NOTHING;
            UPDATE staff_users SET notify_email_error = NULL, notify_email_error_at = NULL
            WHERE id = @staffId AND notify_email_error IS NOT NULL;
            """,
            new
            {
                staffId, at, kinds = items.Select(i => i.Kind).ToArray(), ids = items.Select(i => i.Id).ToArray(),
                ats = items.Select(i => i.At).ToArray(),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Keeps why her mail could not be sent (she sees it on "Thông báo"); it is tried again later.</summary>
    public async Task RecordFailureAsync(long staffId, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_users SET notify_email_error = left(@error, 500), notify_email_error_at = @at WHERE id = @staffId",
            new { staffId, error, at },
            cancellationToken: cancellationToken));
    }

    private sealed record RecipientRow(
        long Id, string Username, string DisplayName, long OrgUnitId, string Role, bool IsActive, string Email, DateTimeOffset Since,
        DateTimeOffset? ErrorAt);
}

/// <summary>A staff member's address for notices and the last failure to mail it.</summary>
public sealed record MailSetting(string? Email, string? Error, DateTimeOffset? ErrorAt);

/// <summary>Someone to mail: her account, address, since when, and when mailing her last failed.</summary>
public sealed record MailRecipient(StaffUser User, string Email, DateTimeOffset Since, DateTimeOffset? ErrorAt);

/// <summary>
/// One thing to tell: <c>alert</c> (a crisis alert), <c>handoff</c> (a member asking for a person), <c>awaiting</c> (a post to
/// approve), <c>returned</c> (her post returned); its id, its time, and a short label (a unit's name or a post's title).
/// </summary>
public sealed record MailItem(string Kind, long Id, DateTimeOffset At, string Label);
