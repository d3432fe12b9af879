using Microsoft.AspNetCore.Http;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>The signed-in staff member of this request, with her org unit: every scoping decision starts here.</summary>
public sealed record StaffSession(StaffUser User, OrgUnit Unit)
{
    /// <summary>Her password is a one-time one (an admin created or reset her account): she may only choose her own.</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>
    /// Loads the current staff member: null when not signed in, or when her cookie no longer holds (account disabled, signed out,
    /// password or role changed since: <see cref="StaffCookieValidation"/> checked it, and left her account for this call).
    /// </summary>
    public static async Task<StaffSession?> LoadAsync(HttpContext context, StaffUserStore users, OrgUnitStore units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(users);
        var state = StaffCookieValidation.Validated(context);
        if (state is null && StaffClaims.StaffId(context.User) is { } id
            && await users.FindSessionAsync(id, cancellationToken) is { } found && found.SecurityStamp == StaffClaims.Stamp(context.User))
        {
            state = found;
        }

        if (state is not { User.IsActive: true } || await units.FindAsync(state.User.OrgUnitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        return new StaffSession(state.User, unit) { MustChangePassword = state.MustChangePassword };
    }

    /// <summary>True when <paramref name="unit"/> is her unit or lies below it.</summary>
    public bool Sees(OrgUnit unit) => unit?.Path.StartsWith(Unit.Path, StringComparison.Ordinal) == true;
}
