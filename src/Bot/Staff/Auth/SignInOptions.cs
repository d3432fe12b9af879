using System.ComponentModel.DataAnnotations;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>Brute-force protection of staff sign-in (section <c>Outreach:Staff:SignIn</c>).</summary>
public sealed class SignInOptions
{
    public const string Section = "Outreach:Staff:SignIn";

    /// <summary>
    /// Sign-in attempts (right or wrong) one client address may make per <see cref="AddressWindowMinutes"/> (default 20), per host.
    /// </summary>
    [Range(1, 100_000)]
    public int AttemptsPerAddress { get; set; } = 20;

    /// <summary>The window of <see cref="AttemptsPerAddress"/>, sliding (default 5 minutes).</summary>
    [Range(1, 1440)]
    public int AddressWindowMinutes { get; set; } = 5;

    /// <summary>Wrong passwords in a row for one username (existing or not) before it is locked (default 5).</summary>
    [Range(1, 1000)]
    public int FailuresBeforeLock { get; set; } = 5;

    /// <summary>The first lock, in seconds (default 60); each further wrong password doubles it.</summary>
    [Range(1, 86_400)]
    public int FirstLockSeconds { get; set; } = 60;

    /// <summary>The longest lock, in minutes (default 30).</summary>
    [Range(1, 10_080)]
    public int MaxLockMinutes { get; set; } = 30;

    /// <summary>Failures older than this many hours are forgotten (default 24).</summary>
    [Range(1, 720)]
    public int ForgetAfterHours { get; set; } = 24;

    public SignInLockPolicy LockPolicy => new(
        FailuresBeforeLock, TimeSpan.FromSeconds(FirstLockSeconds), TimeSpan.FromMinutes(MaxLockMinutes),
        TimeSpan.FromHours(ForgetAfterHours));
}
