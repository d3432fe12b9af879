namespace Outreach.Content.Handoffs;

/// <summary>
/// A handoff as the staff queue shows it: the handoff, who holds it (<see cref="TakenByName"/>: her display name) and the
/// member it concerns (channel, name, unit, when she last wrote). Never what she wrote.
/// </summary>
public sealed record HandoffListing(
    long Id,
    long ContactId,
    string Status,
    string Reason,
    DateTimeOffset RequestedAt,
    string? TakenBy,
    string? TakenByName,
    DateTimeOffset? TakenAt,
    DateTimeOffset? ClosedAt,
    string Channel,
    string? DisplayName,
    long? OrgUnitId,
    string? OrgUnitName,
    DateTimeOffset? LastInboundAt)
{
    public bool IsOpen => Status is HandoffStatuses.Requested or HandoffStatuses.Active;

    public bool IsCrisis => Reason == HandoffReasons.Crisis;
}
