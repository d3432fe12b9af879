using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Staff.Auth;

/// <summary>How long a staff sign-in lasts (section <c>Outreach:Staff:Session</c>).</summary>
public sealed class StaffSessionOptions : IValidatableObject
{
    public const string Section = "Outreach:Staff:Session";

    /// <summary>Minutes without a request after which the cookie expires (default 480: a working day).</summary>
    [Range(1, 10_080)]
    public int IdleMinutes { get; set; } = 480;

    /// <summary>Hours after sign-in after which the cookie no longer works, however busy she was (default 12).</summary>
    [Range(1, 720)]
    public int AbsoluteHours { get; set; } = 12;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdleMinutes > AbsoluteHours * 60)
        {
            yield return new ValidationResult(
                $"{Section}:IdleMinutes ({IdleMinutes}) cannot be longer than {Section}:AbsoluteHours ({AbsoluteHours} h).",
                [nameof(IdleMinutes)]);
        }
    }
}
