using System.ComponentModel.DataAnnotations;
using Outreach.Bot.Staff.Auth;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>
/// The first admin (section <c>Outreach:Staff:BootstrapAdmin</c>), created at start-up only while no staff account exists,
/// so that a fresh installation can be signed into. Leave <see cref="Username"/> empty to create none.
/// </summary>
public sealed class BootstrapAdminOptions : IValidatableObject
{
    public const string Section = "Outreach:Staff:BootstrapAdmin";

    /// <summary>Her username (lower-cased, 3–64 characters).</summary>
    public string? Username { get; set; }

    /// <summary>Her first password (at least 10 characters). Secret: set it in the environment, never in the repository.</summary>
    public string? Password { get; set; }

    /// <summary>Her name as the console shows it (default "Quản trị viên").</summary>
    public string DisplayName { get; set; } = "Quản trị viên";

    /// <summary>The top-level org unit she administers, found by name among the units without a parent, or created.</summary>
    public string? OrgUnitName { get; set; }

    /// <summary>The level of that unit when it is created (default "tinh", a province; see org_unit_levels).</summary>
    public string OrgUnitLevel { get; set; } = "tinh";

    public bool IsSet => !string.IsNullOrWhiteSpace(Username);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsSet)
        {
            yield break;
        }

        if (Username!.Trim().Length is < 3 or > 64)
        {
            yield return new ValidationResult($"{Section}:Username needs 3 to 64 characters.", [nameof(Username)]);
        }

        if (StaffPasswords.Weakness(Password) is not null)
        {
            yield return new ValidationResult($"{Section}:Password needs at least {StaffPasswords.MinLength} characters.",
                [nameof(Password)]);
        }

        if (string.IsNullOrWhiteSpace(OrgUnitName))
        {
            yield return new ValidationResult($"{Section}:OrgUnitName is required with a Username.", [nameof(OrgUnitName)]);
        }
    }
}
