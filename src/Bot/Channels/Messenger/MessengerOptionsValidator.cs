using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>Checks <see cref="MessengerOptions"/> at start-up: all or nothing (an empty section means "no Messenger").</summary>
internal sealed partial class MessengerOptionsValidator : IValidateOptions<MessengerOptions>
{
    private const string Prefix = MessengerOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, MessengerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        // Pages may all be kept in the console ("Trang và OA"): the verify token alone is enough. Pages given here are a seed
        // and need the app secret that signs their webhooks.
        var failures = new List<string>();
        var seeds = options.Pages.Count > 0 || !string.IsNullOrEmpty(options.AppSecret);
        if (seeds && string.IsNullOrWhiteSpace(options.AppSecret))
        {
            failures.Add(Prefix + "AppSecret là bắt buộc khi khai báo Trang trong cấu hình");
        }

        if (string.IsNullOrWhiteSpace(options.VerifyToken))
        {
            failures.Add(Prefix + "VerifyToken là bắt buộc khi đã cấu hình Messenger");
        }

        if (seeds && options.Pages.Count == 0)
        {
            failures.Add(Prefix + "Pages cần ít nhất một Trang (PageId, AccessToken) khi đã đặt AppSecret");
        }

        for (var i = 0; i < options.Pages.Count; i++)
        {
            var page = options.Pages[i];
            if (!PageIdPattern().IsMatch(page.PageId ?? ""))
            {
                failures.Add($"{Prefix}Pages:{i}:PageId phải là dãy chữ số (mã Trang Facebook)");
            }

            if (string.IsNullOrWhiteSpace(page.AccessToken))
            {
                failures.Add($"{Prefix}Pages:{i}:AccessToken là bắt buộc");
            }
        }

        var duplicate = options.Pages.GroupBy(p => p.PageId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            failures.Add($"{Prefix}Pages: Trang {duplicate.Key} khai báo hai lần");
        }

        if (options.GraphBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add(Prefix + "GraphBaseUrl phải là địa chỉ http(s) đầy đủ");
        }

        if (!VersionPattern().IsMatch(options.ApiVersion ?? ""))
        {
            failures.Add(Prefix + "ApiVersion phải có dạng v25.0");
        }

        // Meta allows 300; the ceiling is high only so that benchmarks against the emulator measure Outreach, not the limiter.
        if (options.SendsPerSecondPerPage is < 1 or > 100_000)
        {
            failures.Add(Prefix + "SendsPerSecondPerPage phải từ 1 đến 100000");
        }

        if (options.SendTimeoutSeconds is < 1 or > 60)
        {
            failures.Add(Prefix + "SendTimeoutSeconds phải từ 1 đến 60");
        }

        if (options.MaxWebhookBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add(Prefix + "MaxWebhookBytes phải từ 1024 đến 16777216");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^[0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex PageIdPattern();

    [GeneratedRegex(@"^v[0-9]{1,3}\.[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
