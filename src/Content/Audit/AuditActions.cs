namespace Outreach.Content.Audit;

/// <summary>The actions written to <c>audit_entries</c>.</summary>
public static class AuditActions
{
    public const string UnitCreated = "unit.created";
    public const string UnitRenamed = "unit.renamed";
    public const string UnitCodeSet = "unit.code_set";
    public const string UnitMoved = "unit.moved";
    public const string UnitDeactivated = "unit.deactivated";
    public const string UnitReactivated = "unit.reactivated";
    public const string UnitMerged = "unit.merged";
    public const string UnitsImported = "units.imported";
    public const string UnitsSeeded = "units.seeded";
    public const string MemberMoved = "member.moved";
    public const string MemberErased = "member.erased";
    public const string ChannelAccountCreated = "channel_account.created";
    public const string ChannelAccountChanged = "channel_account.changed";
    public const string ChannelAccountDeactivated = "channel_account.deactivated";
    public const string ChannelAccountReactivated = "channel_account.reactivated";
}
