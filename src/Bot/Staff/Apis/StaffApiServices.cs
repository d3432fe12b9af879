using Outreach.Content.Broadcasts;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Bot.Staff.Apis;

/// <summary>What the staff API handlers need, bound in one parameter (eShop's [AsParameters] bundle).</summary>
public sealed record StaffApiServices(
    PostStore Posts,
    OrgUnitStore Units,
    BroadcastStore Broadcasts,
    DeliveryStore Deliveries,
    AudiencePreview Preview,
    BroadcastControl Control,
    QuietHours QuietHours,
    Microsoft.Extensions.Options.IOptions<BroadcastOptions> Options,
    TimeProvider Time);
