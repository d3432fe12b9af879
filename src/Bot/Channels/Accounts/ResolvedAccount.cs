namespace Outreach.Bot.Channels.Accounts;

/// <summary>
/// A Page or OA as the webhooks and senders use it, its secrets readable: <see cref="AppSecret"/> (Meta app secret: webhook
/// signature and appsecret_proof; Zalo app secret: the token endpoint), <see cref="WebhookSecret"/> (Zalo's OA secret key),
/// <see cref="AccessToken"/> (Messenger's Page token). A secret the key ring cannot read is null.
/// </summary>
public sealed record ResolvedAccount(
    long Id, string Channel, string AccountId, long? UnitId, bool IsActive, string? AppId, string? AppSecret, string? WebhookSecret, string? AccessToken);
