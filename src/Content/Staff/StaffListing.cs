namespace Outreach.Content.Staff;

/// <summary>A staff member as the accounts page lists her, with her unit's name.</summary>
public sealed record StaffListing(long Id, string Username, string DisplayName, long OrgUnitId, string Role, bool IsActive,
    string OrgUnitName)
{
    public StaffUser ToUser() => new(Id, Username, DisplayName, OrgUnitId, Role, IsActive);
}
