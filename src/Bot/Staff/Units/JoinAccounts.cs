using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.Zalo;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Units;

/// <summary>
/// Which Facebook Page and Zalo OA a unit's join material points at. Today every unit is served by the installation's
/// accounts (the first configured Page, the configured OA); a unit's own accounts would be answered here.
/// </summary>
public sealed class JoinAccounts(IOptions<MessengerOptions> messenger, IOptions<ZaloOptions> zalo)
{
    /// <summary>The Page id (for <c>m.me/&lt;page&gt;</c>) and the OA id (for <c>zalo.me/&lt;oa&gt;</c>) of the unit; null when none is configured.</summary>
    public (string? MessengerPage, string? ZaloOaId) For(UnitNode unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var page = messenger.Value.Pages.Select(p => p.PageId).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id));
        var oa = string.IsNullOrWhiteSpace(zalo.Value.OaId) ? null : zalo.Value.OaId;
        return (page, oa);
    }
}
