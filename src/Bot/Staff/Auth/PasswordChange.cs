using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>The checks of a staff member changing her own password, shared by the console's form and the API.</summary>
public static class PasswordChange
{
    /// <summary>Each problem by field (current, new, repeat), in Vietnamese; empty when the change may go ahead.</summary>
    public static async Task<Dictionary<string, string[]>> CheckAsync(
        StaffSession session, string? current, string? proposed, string? repeat, StaffUserStore users, StaffPasswords passwords,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(passwords);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var account = await users.FindCredentialAsync(session.User.Username, cancellationToken);
        if (account is null || !passwords.Verify(account.PasswordHash, current ?? "", out _))
        {
            problems["current"] =
                [session.MustChangePassword ? "Mật khẩu tạm không đúng." : "Mật khẩu hiện tại không đúng."];
        }

        if (StaffPasswords.Weakness(proposed) is { } weakness)
        {
            problems["new"] = [weakness];
        }
        else if (proposed != repeat)
        {
            problems["repeat"] = ["Hai lần nhập mật khẩu mới không giống nhau."];
        }
        else if (proposed == current)
        {
            problems["new"] = ["Mật khẩu mới phải khác mật khẩu cũ."];
        }

        return problems;
    }
}
