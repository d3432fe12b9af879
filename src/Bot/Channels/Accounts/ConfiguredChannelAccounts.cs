using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.Zalo;
using Outreach.Content.ChannelAccounts;
using Outreach.Content.Members;

namespace Outreach.Bot.Channels.Accounts;

/// <summary>
/// The accounts configuration names: each Page of <c>Outreach:Messenger:Pages</c> (with the app secret) and the OA of
/// <c>Outreach:Zalo</c>, in the unit <c>Outreach:AccountUnits</c> gives them (else <c>DefaultUnitCode</c>). The gateway seeds
/// them into <c>channel_accounts</c> (<see cref="ChannelAccountDirectory"/>); a channel client without a database uses them as they are.
/// </summary>
public sealed class ConfiguredChannelAccounts(
    IOptions<MessengerOptions> messenger, IOptions<ZaloOptions> zalo, IOptionsMonitor<AccountUnitsOptions> units) : IChannelAccounts
{
    /// <summary>The configured accounts with their unit codes (ids that are not digits are left out; the validators report them).</summary>
    public IReadOnlyList<(ResolvedAccount Account, string? UnitCode)> Read()
    {
        var accounts = new List<(ResolvedAccount, string?)>();
        var m = messenger.Value;
        if (!string.IsNullOrWhiteSpace(m.AppSecret))
        {
            var appId = IsDigits(m.AppId) ? m.AppId : null;
            foreach (var page in m.Pages.Where(p => IsDigits(p.PageId) && !string.IsNullOrWhiteSpace(p.AccessToken)))
            {
                accounts.Add((new ResolvedAccount(0, ChannelAccountKinds.Messenger, page.PageId, null, true, appId, m.AppSecret, null, page.AccessToken),
                    UnitCode(ChannelAccountKinds.Messenger, page.PageId)));
            }
        }

        var z = zalo.Value;
        if (z.IsConfigured && IsDigits(z.OaId) && IsDigits(z.AppId))
        {
            accounts.Add((new ResolvedAccount(0, ChannelAccountKinds.Zalo, z.OaId!, null, true, z.AppId, z.AppSecret, z.OaSecretKey, null),
                UnitCode(ChannelAccountKinds.Zalo, z.OaId!)));
        }

        return accounts;
    }

    public Task<ResolvedAccount?> FindAsync(string channel, string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(Read().Select(a => a.Account).FirstOrDefault(a => a.Channel == channel && a.AccountId == accountId));

    public Task<IReadOnlyList<ResolvedAccount>> ListAsync(string channel, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ResolvedAccount>>(Read().Select(a => a.Account).Where(a => a.Channel == channel).ToList());

    private string? UnitCode(string channel, string accountId)
    {
        var settings = units.CurrentValue;
        return settings.Accounts.FirstOrDefault(a => a.Channel == channel && a.AccountId == accountId)?.UnitCode ?? settings.DefaultUnitCode;
    }

    private static bool IsDigits(string? value) => value is { Length: > 0 and <= 32 } && value.All(char.IsAsciiDigit);
}
