namespace Outreach.Bot.Hosting;

/// <summary>
/// Purpose strings for <c>IDataProtectionProvider.CreateProtector</c>: one per kind of secret, so a value protected for one
/// use can never be unprotected as another. Never change a purpose once data is stored under it (add a new version instead).
/// </summary>
public static class KeyRingPurposes
{
    /// <summary>Channel tokens at rest (the Zalo OA access and refresh tokens in <c>channel_tokens</c>).</summary>
    public const string ChannelTokens = "Outreach.ChannelTokens.v1";

    /// <summary>Secrets of channel accounts at rest (app secrets, the OA secret key, Page access tokens in <c>channel_accounts</c>).</summary>
    public const string ChannelAccounts = "Outreach.ChannelAccounts.v1";
}
