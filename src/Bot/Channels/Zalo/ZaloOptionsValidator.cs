using Microsoft.Extensions.Options;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>Start-up checks across the Zalo settings (messages in Vietnamese: operators read them).</summary>
public sealed class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(options.OaSecretKey) || !string.IsNullOrWhiteSpace(options.OaId))
            {
                failures.Add("Outreach:Zalo:AppId chưa đặt nhưng đã có OaSecretKey/OaId: đặt AppId để bật kênh Zalo, hoặc bỏ các khóa kia.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        RequireDigits(failures, "AppId", options.AppId);
        RequireDigits(failures, "OaId", options.OaId);
        Require(failures, "AppSecret", options.AppSecret);
        Require(failures, "OaSecretKey", options.OaSecretKey);
        RequireHttp(failures, "OpenApiBaseUrl", options.OpenApiBaseUrl);
        RequireHttp(failures, "OAuthBaseUrl", options.OAuthBaseUrl);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Outreach:Zalo:{key} là bắt buộc khi kênh Zalo được bật (đã đặt AppId).");
        }
    }

    private static void RequireDigits(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !value.All(char.IsAsciiDigit))
        {
            failures.Add($"Outreach:Zalo:{key} phải là dãy chữ số (id do Zalo cấp).");
        }
    }

    private static void RequireHttp(List<string> failures, string key, Uri? value)
    {
        if (value is null || !value.IsAbsoluteUri || value.Scheme is not ("http" or "https"))
        {
            failures.Add($"Outreach:Zalo:{key} phải là địa chỉ http(s) tuyệt đối.");
        }
    }
}
