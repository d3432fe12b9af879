using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>
/// Signs a staff member in (the console form and the API alike) and out. Wrong passwords lock the username for a growing
/// while (<see cref="SignInOptions"/>), whether the account exists or not; an unknown, disabled or locked account costs one
/// password verification like a real one, so neither the answer nor its timing tells which usernames exist.
/// </summary>
public sealed partial class StaffSignIn(
    StaffUserStore users, SignInFailureStore failures, StaffPasswords passwords, IOptions<SignInOptions> options, TimeProvider time,
    ILogger<StaffSignIn> logger)
{
    /// <summary>The one answer for a wrong username or password (and a disabled account).</summary>
    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    public async Task<StaffSignInResult> SignInAsync(
        HttpContext http, string? username, string? password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (string.IsNullOrWhiteSpace(username))
        {
            return StaffSignInResult.Wrong;
        }

        var now = time.GetUtcNow();
        if (await failures.LockedUntilAsync(username, now, cancellationToken) is { } lockedUntil)
        {
            passwords.VerifyNobody(password);
            return StaffSignInResult.Locked(lockedUntil, now);
        }

        var credential = await users.FindCredentialAsync(username, cancellationToken);
        var rehash = false;
        var right = credential is { User.IsActive: true }
            ? passwords.Verify(credential.PasswordHash, password ?? "", out rehash)
            : passwords.VerifyNobody(password);
        if (!right || credential is null)
        {
            var until = await failures.RecordFailureAsync(username, now, options.Value.LockPolicy, cancellationToken);
            if (until is { } locked)
            {
                LogLocked(logger, Mask(username), locked);
                return StaffSignInResult.Locked(locked, now);
            }

            return StaffSignInResult.Wrong;
        }

        await failures.ClearAsync(username, cancellationToken);
        if (rehash)
        {
            await users.UpdatePasswordHashAsync(credential.User.Id, passwords.Hash(password!), cancellationToken);
        }

        await http.SignInAsync(StaffClaims.Scheme, StaffClaims.ToPrincipal(credential.User, credential.SecurityStamp, now));
        return StaffSignInResult.SignedIn(credential.User, credential.MustChangePassword);
    }

    /// <summary>Signs out and ends every session of the account: a cookie copied before this stops working everywhere.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (StaffClaims.StaffId(http.User) is { } id)
        {
            await users.RotateSecurityStampAsync(id, cancellationToken);
        }

        await http.SignOutAsync(StaffClaims.Scheme);
    }

    /// <summary>
    /// Gives her a cookie for her account's new security stamp (after she changed her own password), keeping the sign-in time.
    /// </summary>
    public async Task RenewAsync(HttpContext http, StaffUser user, Guid securityStamp)
    {
        ArgumentNullException.ThrowIfNull(http);
        var signedIn = StaffClaims.SignedIn(http.User) ?? time.GetUtcNow();
        await http.SignInAsync(StaffClaims.Scheme, StaffClaims.ToPrincipal(user, securityStamp, signedIn));
    }

    // A username is personal data: the log gets its first letters only.
    private static string Mask(string username)
    {
        var trimmed = username.Trim();
        return trimmed.Length <= 2 ? "**" : string.Concat(trimmed.AsSpan(0, 2), "***");
    }

    [LoggerMessage(EventId = 3701, Level = LogLevel.Warning,
        Message = "Staff sign-in for '{Username}' locked until {Until} after repeated wrong passwords")]
    private static partial void LogLocked(ILogger logger, string username, DateTimeOffset until);
}

/// <summary>What a sign-in attempt came to.</summary>
public sealed record StaffSignInResult(StaffSignInOutcome Outcome, StaffUser? User, bool MustChangePassword, TimeSpan RetryAfter)
{
    public static StaffSignInResult Wrong { get; } = new(StaffSignInOutcome.Wrong, null, false, TimeSpan.Zero);

    public static StaffSignInResult SignedIn(StaffUser user, bool mustChangePassword) =>
        new(StaffSignInOutcome.SignedIn, user, mustChangePassword, TimeSpan.Zero);

    public static StaffSignInResult Locked(DateTimeOffset until, DateTimeOffset now) =>
        new(StaffSignInOutcome.Locked, null, false, until > now ? until - now : TimeSpan.Zero);

    /// <summary>The Vietnamese sentence for a refused attempt.</summary>
    public string Problem => Outcome == StaffSignInOutcome.Locked ? LockedText(RetryAfter) : StaffSignIn.WrongCredentials;

    /// <summary>Whole seconds for a Retry-After header (at least 1).</summary>
    public string RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public static string LockedText(TimeSpan wait) =>
        $"Đăng nhập sai quá nhiều lần. Hãy thử lại sau {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} phút.";
}

/// <summary>The outcome of a sign-in attempt.</summary>
public enum StaffSignInOutcome
{
    SignedIn = 0,
    Wrong = 1,
    Locked = 2,
}
