using System.Globalization;
using System.Security.Claims;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>
/// How a signed-in staff member is carried in the cookie: who she is, the security stamp of her account when she signed in
/// (the cookie works only while it is still the account's stamp) and when she signed in (for the absolute lifetime).
/// </summary>
public static class StaffClaims
{
    public const string Scheme = "OutreachStaff";
    public const string OrgUnit = "outreach:org_unit";
    public const string SecurityStamp = "outreach:security_stamp";
    public const string SignedInAt = "outreach:signed_in_at";

    public static ClaimsPrincipal ToPrincipal(StaffUser user, Guid securityStamp, DateTimeOffset signedInAt)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.Username),
                new Claim(ClaimTypes.GivenName, user.DisplayName),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(OrgUnit, user.OrgUnitId.ToString(CultureInfo.InvariantCulture)),
                new Claim(SecurityStamp, securityStamp.ToString("N", CultureInfo.InvariantCulture)),
                new Claim(SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    public static long? StaffId(ClaimsPrincipal principal) =>
        long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static Guid? Stamp(ClaimsPrincipal principal) =>
        Guid.TryParseExact(principal?.FindFirstValue(SecurityStamp), "N", out var stamp) ? stamp : null;

    public static DateTimeOffset? SignedIn(ClaimsPrincipal principal) =>
        long.TryParse(principal?.FindFirstValue(SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
