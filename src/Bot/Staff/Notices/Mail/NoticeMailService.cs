using Microsoft.Extensions.Options;
using MimeKit;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Notices;

namespace Outreach.Bot.Staff.Notices.Mail;

/// <summary>
/// Each staff member's own address for notices by e-mail (the console's "Thông báo" page and PUT /staff/api/notices/email).
/// </summary>
public sealed class NoticeMailService(StaffMailStore store, IOptions<StaffMailOptions> options, TimeProvider time)
{
    public async Task<NoticeMailSetting> SettingAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var setting = await store.SettingAsync(session.User.Id, ct);
        return new NoticeMailSetting(options.Value.Enabled, setting.Email, setting.Error, setting.ErrorAt);
    }

    /// <summary>Sets her address (empty: no more mail). Refused when the server cannot send mail or the address is wrong.</summary>
    public async Task<StaffResult<NoticeMailSetting>> SetAsync(StaffSession session, string? email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (address is not null && !options.Value.Enabled)
        {
            return StaffRefusal.Conflict(
                "Chưa gửi được e-mail", "Máy chủ Outreach chưa được cấu hình gửi e-mail (Outreach:Mail:Host). Hãy báo người quản trị hệ thống.");
        }

        if (address is not null && !IsAddress(address))
        {
            return StaffRefusal.Invalid("email", "Địa chỉ e-mail chưa đúng, ví dụ: ten@hoiphunu.vn.");
        }

        await store.SetEmailAsync(session.User.Id, address, time.GetUtcNow(), ct);
        return await SettingAsync(session, ct);
    }

    // One plain address (name@domain.tld), as a person types it: no display name, no list.
    private static bool IsAddress(string value) =>
        value.Length <= 254
        && MailboxAddress.TryParse(value, out var box)
        && string.Equals(box.Address, value, StringComparison.Ordinal)
        && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && value.IndexOf('.', at) > at + 1
        && !value.EndsWith('.');
}

/// <summary>Whether the server can mail, her address, and the last failure to mail her.</summary>
public sealed record NoticeMailSetting(bool ServerCanMail, string? Email, string? Error, DateTimeOffset? ErrorAt);
