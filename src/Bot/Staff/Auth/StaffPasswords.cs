using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>Hashes and checks staff passwords with ASP.NET Core Identity's hasher (PBKDF2, salted, versioned).</summary>
public class StaffPasswords
{
    public const int MinLength = 10;

    // Letters and digits nobody confuses when reading them out or copying them by hand (no 0/O, 1/l/I).
    private const string OneTimeAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private readonly PasswordHasher<StaffUser> _hasher = new();
    private readonly string _dummyHash;

    public StaffPasswords()
    {
        // Made once at start, so that even the first unknown username costs one verification, not a hash and a verification.
        _dummyHash = Hash(RandomNumberGenerator.GetHexString(32));
    }

    public string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return _hasher.HashPassword(null!, password);
    }

    /// <summary>Checks a password; <paramref name="rehash"/> is set when the stored hash uses older parameters.</summary>
    public virtual bool Verify(string hash, string password, out bool rehash)
    {
        var result = _hasher.VerifyHashedPassword(null!, hash, password ?? "");
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
    }

    /// <summary>
    /// Checks the password against a hash nobody has, and fails: what sign-in does for an unknown or locked account, so that
    /// it takes as long as a wrong password for a real one and the answer's timing does not tell which usernames exist.
    /// </summary>
    public bool VerifyNobody(string? password)
    {
        _ = Verify(_dummyHash, password ?? "", out _);
        return false;
    }

    /// <summary>A random one-time password an admin hands over (12 characters, about 60 bits); she must replace it at sign-in.</summary>
    public static string OneTimePassword() => RandomNumberGenerator.GetString(OneTimeAlphabet, 12);

    /// <summary>Why a new password is not acceptable, or null.</summary>
    public static string? Weakness(string? password) =>
        password is null || password.Length < MinLength ? $"Mật khẩu cần ít nhất {MinLength} ký tự." : null;
}
