namespace Outreach.Content.ChannelAccounts;

/// <summary>
/// A Facebook Page or Zalo OA of the installation as stored: its unit, and its secrets as protected text (never plain here).
/// <see cref="AccountId"/> is the Page id or the OA id; <see cref="WebhookSecretProtected"/> is Zalo's OA secret key (the
/// webhook signature), <see cref="AccessTokenProtected"/> Messenger's Page access token (a Zalo OA's tokens rotate in
/// <c>channel_tokens</c>). <see cref="OrgUnitId"/> null: seeded before the installation had a unit (the top unit's).
/// </summary>
public sealed record ChannelAccount(
    long Id,
    string Channel,
    string AccountId,
    string Name,
    long? OrgUnitId,
    string? UnitName,
    string? AppId,
    string? AppSecretProtected,
    string? WebhookSecretProtected,
    string? AccessTokenProtected,
    bool IsActive,
    string Origin,
    DateTimeOffset? SecretsChangedAt,
    string? SecretsChangedBy,
    string HealthState,
    string? HealthDetail,
    DateTimeOffset? HealthSince,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The SELECT list (over <c>a</c>, <c>u</c> the unit, <c>s</c> the staff member who last changed a secret).</summary>
    internal const string Columns =
        "a.id, a.channel, a.account_id AS accountid, a.name, a.org_unit_id AS orgunitid, u.name AS unitname, a.app_id AS appid, " +
        "a.app_secret_protected AS appsecretprotected, a.webhook_secret_protected AS webhooksecretprotected, " +
        "a.access_token_protected AS accesstokenprotected, a.is_active AS isactive, a.origin, a.secrets_changed_at AS secretschangedat, " +
        "s.display_name AS secretschangedby, a.health_state AS healthstate, a.health_detail AS healthdetail, a.health_since AS healthsince, " +
        "a.created_at AS createdat, a.updated_at AS updatedat";

    internal const string From =
        "channel_accounts a LEFT JOIN org_units u ON u.id = a.org_unit_id LEFT JOIN staff_users s ON s.id = a.secrets_changed_by";
}

/// <summary>A new account (secrets already protected).</summary>
public sealed record ChannelAccountDraft(
    string Channel, string AccountId, string Name, long OrgUnitId, string? AppId, string? AppSecretProtected, string? WebhookSecretProtected,
    string? AccessTokenProtected);

/// <summary>
/// A change to an account: each null member is left as it is. A secret given replaces the stored one and moves
/// <see cref="ChannelAccount.SecretsChangedAt"/>; <see cref="ChangedFields"/> names what changed, for the audit (never values).
/// </summary>
public sealed record ChannelAccountChange(
    string? Name = null,
    long? OrgUnitId = null,
    string? AppId = null,
    string? AppSecretProtected = null,
    string? WebhookSecretProtected = null,
    string? AccessTokenProtected = null,
    bool? IsActive = null,
    bool RefreshTokenChanged = false)
{
    /// <summary>True when a secret is replaced (a Zalo refresh token is stored in <c>channel_tokens</c>, but counts here).</summary>
    public bool ChangesSecrets =>
        AppSecretProtected is not null || WebhookSecretProtected is not null || AccessTokenProtected is not null || RefreshTokenChanged;

    public IReadOnlyList<string> ChangedFields =>
        new (string Field, bool Changed)[]
        {
            ("name", Name is not null), ("unit", OrgUnitId is not null), ("appId", AppId is not null), ("appSecret", AppSecretProtected is not null),
            ("webhookSecret", WebhookSecretProtected is not null), ("accessToken", AccessTokenProtected is not null), ("refreshToken", RefreshTokenChanged),
            ("active", IsActive is not null),
        }.Where(f => f.Changed).Select(f => f.Field).ToList();
}

/// <summary>An account from configuration: <see cref="SeedHash"/> fingerprints the configured values (a change re-seeds).</summary>
public sealed record ChannelAccountSeed(
    string Channel, string AccountId, string? UnitCode, string? AppId, string? AppSecretProtected, string? WebhookSecretProtected,
    string? AccessTokenProtected, string SeedHash);

/// <summary>The channels an account can be of, and their display names.</summary>
public static class ChannelAccountKinds
{
    public const string Messenger = "messenger";
    public const string Zalo = "zalo";

    public static bool IsKnown(string? channel) => channel is Messenger or Zalo;

    public static string DisplayName(string channel) => channel switch
    {
        Messenger => "Trang Facebook",
        Zalo => "Zalo OA",
        _ => channel,
    };
}
