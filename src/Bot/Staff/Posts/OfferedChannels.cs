using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Channels.Zalo;
using Outreach.Content.Channels;

namespace Outreach.Bot.Staff.Posts;

/// <summary>
/// The channels the post editor offers (issue 18.8): the catalog's real channels, without Zalo while no Zalo OA is configured
/// (no Outreach:Zalo:AppId and no active OA on "Trang và OA"), so nobody addresses, or previews, a channel that cannot send.
/// </summary>
public sealed class OfferedChannels(ChannelCatalog catalog, IOptions<ZaloOptions> zalo, IChannelAccounts accounts)
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken ct)
    {
        var zaloReady = zalo.Value.IsConfigured || (await accounts.ListAsync(ZaloChannel.Name, ct)).Count > 0;
        return catalog.Offered.Where(name => name != ZaloChannel.Name || zaloReady).ToList();
    }
}
