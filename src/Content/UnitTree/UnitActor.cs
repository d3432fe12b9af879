using Outreach.Content.Staff;

namespace Outreach.Content.UnitTree;

/// <summary>
/// Who changes the tree: a staff member (<see cref="StaffId"/>, recorded in the audit) who may touch only
/// <see cref="ScopeUnitId"/> and the units below it. Any unit outside that subtree is "not found" to her. Whether her role
/// allows the change at all (admins manage the tree) is the application service's rule, checked before calling the store.
/// </summary>
public sealed record UnitActor(long StaffId, long ScopeUnitId)
{
    public static UnitActor For(StaffUser staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return new UnitActor(staff.Id, staff.OrgUnitId);
    }
}
