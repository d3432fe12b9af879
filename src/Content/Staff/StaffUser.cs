namespace Outreach.Content.Staff;

/// <summary>A staff member. What she may see and do is limited to her org unit and everything below it.</summary>
public sealed record StaffUser(long Id, string Username, string DisplayName, long OrgUnitId, string Role, bool IsActive);

/// <summary>Staff roles, from most to least powerful.</summary>
public static class StaffRoles
{
    /// <summary>Manages staff and content of her units, and may do everything an editor and an approver may.</summary>
    public const string Admin = "admin";

    /// <summary>Writes posts and submits them for approval.</summary>
    public const string Editor = "editor";

    /// <summary>Approves (or rejects) posts of the units below hers, schedules and controls their sending.</summary>
    public const string Approver = "approver";

    /// <summary>Reads posts and statistics.</summary>
    public const string Viewer = "viewer";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Admin, Editor, Approver, Viewer };

    public static bool CanWrite(string role) => role is Admin or Editor;

    public static bool CanApprove(string role) => role is Admin or Approver;
}
