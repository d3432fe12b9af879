using Outreach.Content.ChannelAccounts;

namespace Outreach.Bot.Staff.ChannelAccounts;

/// <summary>What a Page or OA's fields must look like, each problem in Vietnamese on its own field.</summary>
internal static class ChannelAccountRules
{
    /// <summary>Longest token accepted (Page tokens and Zalo refresh tokens are a few hundred characters at most).</summary>
    public const int MaxTokenLength = 400;

    /// <summary>Longest app secret or OA secret key accepted (they are 20–40 characters).</summary>
    public const int MaxSecretLength = 200;

    public const int MaxNameLength = 200;

    /// <summary>The problems of <paramref name="request"/>: a new account when <paramref name="channel"/> is null, else a change to one of that channel.</summary>
    public static Dictionary<string, string[]> Check(ChannelAccountRequest request, string? channel)
    {
        var problems = new Dictionary<string, string[]>();
        var creating = channel is null;
        channel ??= request.Channel?.Trim();
        if (creating)
        {
            if (!ChannelAccountKinds.IsKnown(channel))
            {
                problems["channel"] = ["Chọn kênh: Trang Facebook (messenger) hoặc Zalo OA (zalo)."];
                return problems;
            }

            if (!IsId(request.AccountId))
            {
                problems["accountId"] = [channel == ChannelAccountKinds.Zalo
                    ? "OA ID là dãy chữ số (tối đa 32), xem ở trang quản lý Zalo OA."
                    : "Page ID là dãy chữ số (tối đa 32), xem ở mục Giới thiệu của Trang."];
            }

            if (request.UnitId is null)
            {
                problems["unitId"] = ["Chọn đơn vị sở hữu Trang/OA."];
            }
        }

        if (request.Name is { } name && name.Trim().Length > MaxNameLength)
        {
            problems["name"] = [$"Tên dài {name.Trim().Length} ký tự, tối đa {MaxNameLength}."];
        }

        var zalo = channel == ChannelAccountKinds.Zalo;
        if ((zalo && creating) || !string.IsNullOrWhiteSpace(request.AppId))
        {
            if (!IsId(request.AppId))
            {
                problems["appId"] = [zalo ? "App ID của ứng dụng Zalo là dãy chữ số (tối đa 32)." : "App ID của ứng dụng Meta là dãy chữ số (tối đa 32)."];
            }
        }

        Secret(problems, "appSecret", zalo ? "Khóa bí mật của ứng dụng (App Secret Key)" : "App Secret của ứng dụng Meta", request.AppSecret, MaxSecretLength, creating);
        if (zalo)
        {
            Secret(problems, "oaSecretKey", "OA Secret Key (trang Webhook của ứng dụng)", request.OaSecretKey, MaxSecretLength, creating);
            Secret(problems, "refreshToken", "Refresh token của OA", request.RefreshToken, MaxTokenLength, creating);
        }
        else
        {
            Secret(problems, "accessToken", "Access token của Trang", request.AccessToken, MaxTokenLength, creating);
        }

        return problems;
    }

    /// <summary>A secret given (trimmed), or null when left empty (a change keeps the stored one).</summary>
    public static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Secret(Dictionary<string, string[]> problems, string field, string label, string? value, int max, bool required)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                problems[field] = [$"{label} là bắt buộc."];
            }

            return;
        }

        if (trimmed.Length > max)
        {
            problems[field] = [$"{label} dài {trimmed.Length} ký tự, quá {max}: hãy dán đúng giá trị từ trang quản trị của nền tảng."];
        }
        else if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems[field] = [$"{label} không được có khoảng trắng hay xuống dòng ở giữa."];
        }
    }

    private static bool IsId(string? value) => value?.Trim() is { Length: > 0 and <= 32 } id && id.All(char.IsAsciiDigit);
}
