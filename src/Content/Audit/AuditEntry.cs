namespace Outreach.Content.Audit;

/// <summary>One audited change: who (<see cref="ActorId"/>, a staff account), when, what, on which unit or member. <see cref="Detail"/> is JSON.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, long? ActorId, string? ActorName, string Action, long? OrgUnitId, long? ContactId, string Detail);
