using Outreach.Content.ChannelAccounts;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.ChannelAccounts;

/// <summary>
/// A Page or OA as an admin adds or changes it. <see cref="AccountId"/> is the Page id or OA id; <see cref="AppSecret"/> the
/// Meta app secret or the Zalo app's secret key; <see cref="OaSecretKey"/> Zalo's "OA Secret Key" (webhook signature);
/// <see cref="AccessToken"/> the Page access token (Messenger); <see cref="RefreshToken"/> the OA's refresh token from the
/// OA admin's consent (Zalo). On a change, <see cref="Channel"/> and <see cref="AccountId"/> are ignored and an empty secret
/// keeps the stored one.
/// </summary>
public sealed record ChannelAccountRequest(
    string? Channel = null,
    string? AccountId = null,
    string? Name = null,
    long? UnitId = null,
    string? AppId = null,
    string? AppSecret = null,
    string? OaSecretKey = null,
    string? AccessToken = null,
    string? RefreshToken = null);

/// <summary>
/// An account as staff see it: never a secret, only whether each is stored (<c>đã lưu</c>) and when they last changed; the
/// health its last sends found (a token the platform refused); for a Zalo OA whether a refresh token is stored and why the
/// last refresh failed.
/// </summary>
public sealed record ChannelAccountView(ChannelAccount Account, bool HasRefreshToken, string? RefreshError)
{
    public bool HasAppSecret => Account.AppSecretProtected is not null;

    public bool HasOaSecretKey => Account.WebhookSecretProtected is not null;

    public bool HasAccessToken => Account.AccessTokenProtected is not null;

    public bool IsZalo => Account.Channel == ChannelAccountKinds.Zalo;

    /// <summary>"Trang Facebook 1234…" or "Zalo OA 5678…", with its name when it has one.</summary>
    public string Title => ChannelAccountKinds.DisplayName(Account.Channel) + " " + (Account.Name.Length > 0 ? Account.Name + " (" + Account.AccountId + ")" : Account.AccountId);

    /// <summary>What the last sends or token refreshes found, in Vietnamese.</summary>
    public string HealthText => (Account.HealthState, RefreshError) switch
    {
        (_, { } error) when IsZalo => "Zalo từ chối refresh token (" + error + "): quản trị OA cần cấp quyền lại, rồi lưu refresh token mới ở đây.",
        ("token_refused", _) => "Nền tảng từ chối token" + (Account.HealthDetail is { } d ? " (" + d + ")" : "") + ": hãy lưu token mới.",
        ("unreachable", _) => "Nền tảng không trả lời" + (Account.HealthDetail is { } d ? " (" + d + ")" : ""),
        ("ok", _) => "Hoạt động bình thường",
        _ => "Chưa gửi tin nào",
    };

    public bool IsDown => Account.HealthState is "token_refused" or "unreachable" || (IsZalo && RefreshError is not null);
}

/// <summary>The accounts page: the accounts of her subtree and the units she may attach one to.</summary>
public sealed record ChannelAccountList(IReadOnlyList<ChannelAccountView> Accounts, IReadOnlyList<UnitNode> Units, bool CanManage);

/// <summary>One account's page: the account and the units it may move to.</summary>
public sealed record ChannelAccountDetails(ChannelAccountView View, IReadOnlyList<UnitNode> Units, bool CanManage);
