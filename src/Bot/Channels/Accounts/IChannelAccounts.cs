namespace Outreach.Bot.Channels.Accounts;

/// <summary>
/// The Pages and OAs this gateway serves, with their secrets: webhooks are routed by Page/OA id to the account's secret, and
/// replies and broadcasts go out with the token of the account the member is connected with. The gateway answers from
/// <c>channel_accounts</c> (<see cref="ChannelAccountDirectory"/>); without a database (a channel's client on its own), from
/// configuration (<see cref="ConfiguredChannelAccounts"/>).
/// </summary>
public interface IChannelAccounts
{
    /// <summary>The active account of <paramref name="channel"/> with this Page or OA id, or null.</summary>
    Task<ResolvedAccount?> FindAsync(string channel, string accountId, CancellationToken cancellationToken);

    /// <summary>The active accounts of <paramref name="channel"/>, oldest first.</summary>
    Task<IReadOnlyList<ResolvedAccount>> ListAsync(string channel, CancellationToken cancellationToken);
}
