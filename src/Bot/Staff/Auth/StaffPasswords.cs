using Microsoft.AspNetCore.Identity;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>Hashes and checks staff passwords with ASP.NET Core Identity's hasher (PBKDF2, salted, versioned).</summary>
public sealed class StaffPasswords
{
    public const int MinLength = 10;

    private readonly PasswordHasher<StaffUser> _hasher = new();

    public string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return _hasher.HashPassword(null!, password);
    }

    /// <summary>Checks a password; <paramref name="rehash"/> is set when the stored hash uses older parameters.</summary>
    public bool Verify(string hash, string password, out bool rehash)
    {
        var result = _hasher.VerifyHashedPassword(null!, hash, password ?? "");
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
    }

    /// <summary>Why a new password is not acceptable, or null.</summary>
    public static string? Weakness(string? password) =>
        password is null || password.Length < MinLength ? $"Mật khẩu cần ít nhất {MinLength} ký tự." : null;
}
