using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.Zalo;
using Outreach.Content.ChannelAccounts;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Units;

/// <summary>
/// Which Facebook Page and Zalo OA a unit's join material points at: the unit's own account, else its nearest ancestor's
/// (a chi hội's members join through their commune's Page), else the installation's configured ones.
/// </summary>
public sealed class JoinAccounts(ChannelAccountStore accounts, IOptions<MessengerOptions> messenger, IOptions<ZaloOptions> zalo)
{
    /// <summary>The Page id (for <c>m.me/&lt;page&gt;</c>) and the OA id (for <c>zalo.me/&lt;oa&gt;</c>) of the unit; null when none.</summary>
    public async Task<(string? MessengerPage, string? ZaloOaId)> ForAsync(UnitNode unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var nearest = await accounts.NearestAsync(unit.Path, cancellationToken);
        var page = nearest.GetValueOrDefault(ChannelAccountKinds.Messenger)
            ?? messenger.Value.Pages.Select(p => p.PageId).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id));
        var oa = nearest.GetValueOrDefault(ChannelAccountKinds.Zalo) ?? (string.IsNullOrWhiteSpace(zalo.Value.OaId) ? null : zalo.Value.OaId);
        return (page, oa);
    }
}
