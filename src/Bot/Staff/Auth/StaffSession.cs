using Microsoft.AspNetCore.Http;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>The signed-in staff member of this request, with her org unit: every scoping decision starts here.</summary>
public sealed record StaffSession(StaffUser User, OrgUnit Unit)
{
    /// <summary>Loads the current staff member (null when not signed in, or her account was disabled since).</summary>
    public static async Task<StaffSession?> LoadAsync(HttpContext context, StaffUserStore users, OrgUnitStore units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (StaffClaims.StaffId(context.User) is not { } id
            || await users.FindAsync(id, cancellationToken) is not { IsActive: true } user
            || await units.FindAsync(user.OrgUnitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        return new StaffSession(user, unit);
    }

    /// <summary>True when <paramref name="unit"/> is her unit or lies below it.</summary>
    public bool Sees(OrgUnit unit) => unit?.Path.StartsWith(Unit.Path, StringComparison.Ordinal) == true;
}
