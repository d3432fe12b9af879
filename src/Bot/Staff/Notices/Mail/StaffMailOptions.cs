using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Outreach.Bot.Staff.Notices.Mail;

/// <summary>
/// <c>Outreach:Mail</c>: the SMTP server that tells staff by e-mail what waits for them (issue 18.3). Without a host nothing is
/// mailed and the console says so where an address would be set.
/// </summary>
public sealed class StaffMailOptions : IValidatableObject
{
    public const string Section = "Outreach:Mail";

    /// <summary>The SMTP server's name or address; empty: staff are not mailed.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c> (STARTTLS when offered), <c>StartTls</c> (required), <c>SslOnConnect</c> (port 465) or <c>None</c>.</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>Sign-in to the SMTP server (none when empty). The password is a secret: environment or a secret store.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Outreach Hội LHPN tỉnh &lt;thongbao@hoiphunu.example.vn&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>The console's public address (https://…), for links in the mail; without it the mail names the pages.</summary>
    public Uri? ConsoleUrl { get; set; }

    /// <summary>Seconds between two looks for something new to mail.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>After a failed send to someone, minutes before her mail is tried again.</summary>
    [Range(0, 1440)]
    public int RetryMinutes { get; set; } = 5;

    /// <summary>Seconds an SMTP conversation may take.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult(
                $"{Section}:From phải là một địa chỉ gửi, ví dụ \"Outreach <thongbao@example.vn>\".", [nameof(From)]);
        }

        if (Security is not ("Auto" or "StartTls" or "SslOnConnect" or "None"))
        {
            yield return new ValidationResult($"{Section}:Security phải là Auto, StartTls, SslOnConnect hoặc None.", [nameof(Security)]);
        }

        if (ConsoleUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"{Section}:ConsoleUrl phải là địa chỉ http(s) đầy đủ.", [nameof(ConsoleUrl)]);
        }
    }
}
