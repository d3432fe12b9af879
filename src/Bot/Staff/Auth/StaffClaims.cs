using System.Globalization;
using System.Security.Claims;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>How a signed-in staff member is carried in the cookie.</summary>
public static class StaffClaims
{
    public const string Scheme = "OutreachStaff";
    public const string OrgUnit = "outreach:org_unit";

    public static ClaimsPrincipal ToPrincipal(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.Username),
                new Claim(ClaimTypes.GivenName, user.DisplayName),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(OrgUnit, user.OrgUnitId.ToString(CultureInfo.InvariantCulture)),
            ],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    public static long? StaffId(ClaimsPrincipal principal) =>
        long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
