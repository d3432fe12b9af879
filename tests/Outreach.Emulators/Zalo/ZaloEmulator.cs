using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Outreach.Emulators.Common;

namespace Outreach.Emulators.Zalo;

/// <summary>
/// Zalo's OA API, OAuth v4 token endpoint and webhook sender on loopback (PLATFORM-ZALO.md §7). It checks requests as Zalo
/// does (the <c>access_token</c> header, required fields, the 2,000-character text, the 7-day window and follower status it
/// knows of), answers with Zalo's real shapes (HTTP 200 + <c>{error,message}</c>), rotates single-use refresh tokens, and
/// signs the webhooks it sends. Faults: <see cref="EmulatorServer.Inject"/> or the helpers below.
/// </summary>
public sealed partial class ZaloEmulator : EmulatorServer
{
    public const string SendPath = "/v3.0/oa/message/cs";
    public const string TokenPath = "/v4/oa/access_token";

    private readonly ConcurrentDictionary<string, Member> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tokenOa = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _refreshExpires = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _calls = new(StringComparer.Ordinal);
    private readonly Lock _tokenLock = new();

    private ZaloEmulator(ZaloEmulatorOptions options)
    {
        Options = options;
        Oas = [new ZaloEmulatorOa(options.OaId, options.AppId, options.AppSecret, options.OaSecretKey), .. options.OtherOas];
        InitialRefreshToken = IssueRefreshToken(options.OaId);
    }

    /// <summary>Every OA served: the main one (<see cref="ZaloEmulatorOptions.OaId"/>) first, then <see cref="ZaloEmulatorOptions.OtherOas"/>.</summary>
    public IReadOnlyList<ZaloEmulatorOa> Oas { get; }

    /// <summary>The OA of this id (the main one when null).</summary>
    public ZaloEmulatorOa Oa(string? oaId = null) =>
        oaId is null ? Oas[0] : Oas.FirstOrDefault(o => o.OaId == oaId) ?? throw new ArgumentException($"The emulator serves no OA {oaId}.", nameof(oaId));

    /// <summary>The OA an access or refresh token was issued to (null for a token the emulator never issued).</summary>
    public string? OaOfToken(string token) => _tokenOa.GetValueOrDefault(token ?? "");

    public ZaloEmulatorOptions Options { get; }

    /// <summary>How this emulator delivers webhooks: Zalo's 2-second deadline, retry ladder and disabling.</summary>
    public WebhookDeliverer Webhooks => _webhooks ??= new WebhookDeliverer(Options.WebhookTimeout, Options.WebhookRetryLadder);

    private WebhookDeliverer? _webhooks;

    // The error every send answers while the OA's account is limited (0: not limited).
    private volatile int _accountLimit;

    /// <summary>The emulator's clock (the window and token expiry follow it; webhook timestamps come from it).</summary>
    public ZaloEmulatorClock Clock { get; } = new();

    /// <summary>A refresh token issued at start, as an OA admin's consent would give it: put it in the gateway's settings.</summary>
    public string InitialRefreshToken { get; }

    /// <summary>The gateway's settings for this emulator's OA: its app, secrets, first refresh token and addresses.</summary>
    public Dictionary<string, string?> GatewaySettings() => new()
    {
        ["Outreach:Zalo:AppId"] = Options.AppId,
        ["Outreach:Zalo:AppSecret"] = Options.AppSecret,
        ["Outreach:Zalo:OaSecretKey"] = Options.OaSecretKey,
        ["Outreach:Zalo:OaId"] = Options.OaId,
        ["Outreach:Zalo:InitialRefreshToken"] = InitialRefreshToken,
        ["Outreach:Zalo:OpenApiBaseUrl"] = BaseAddress.ToString(),
        ["Outreach:Zalo:OAuthBaseUrl"] = BaseAddress.ToString(),
    };

    /// <summary>Accepted consultation messages, in order.</summary>
    public IReadOnlyList<ZaloSentMessage> Sent => Received.Select(ZaloSentMessage.From).OfType<ZaloSentMessage>().ToList();

    /// <summary>Requests to the token endpoint, in order (accepted or not).</summary>
    public IReadOnlyList<RecordedRequest> TokenRequests => Received.Where(r => r.Path == TokenPath).ToList();

    public static async Task<ZaloEmulator> StartAsync(ZaloEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new ZaloEmulator(options ?? new ZaloEmulatorOptions());
        await emulator.StartServerAsync(cancellationToken);
        return emulator;
    }

    /// <summary>Waits for an accepted message that matches (already accepted ones count).</summary>
    public async Task<ZaloSentMessage> WaitForMessageAsync(Func<ZaloSentMessage, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var request = await WaitForRequestAsync(r => ZaloSentMessage.From(r) is { } sent && match(sent), timeout, cancellationToken);
        return ZaloSentMessage.From(request)!;
    }

    /// <summary>The member messaged, followed or otherwise interacted now (opens the 7-day window).</summary>
    public void RecordInteraction(string userId, DateTimeOffset? at = null) => MemberOf(userId).LastInteraction = at ?? Clock.GetUtcNow();

    public void Follow(string userId)
    {
        var member = MemberOf(userId);
        member.IsFollower = true;
        member.Unfollowed = false;
    }

    public void Unfollow(string userId)
    {
        var member = MemberOf(userId);
        member.IsFollower = false;
        member.Unfollowed = true;
    }

    /// <summary>Zalo's -227: banned or inactive for 45 days.</summary>
    public void Ban(string userId) => MemberOf(userId).Banned = true;

    /// <summary>Every access token issued so far expires now: the next call with one gets -220.</summary>
    public void ExpireAccessTokens()
    {
        foreach (var token in _accessTokens.Keys)
        {
            _accessTokens[token] = DateTimeOffset.MinValue;
        }
    }

    /// <summary>Issues an access token of the OA directly (as the console's API Explorer does).</summary>
    public string IssueAccessToken(string? oaId = null)
    {
        var token = NewToken();
        _tokenOa[token] = Oa(oaId).OaId;
        _accessTokens[token] = Clock.GetUtcNow() + Options.AccessTokenLifetime;
        return token;
    }

    /// <summary>A new refresh token of the OA, as its admin granting consent again gets one.</summary>
    public string GrantConsent(string? oaId = null) => IssueRefreshToken(oaId);

    /// <summary>The next send answers Zalo's error <paramref name="code"/> (HTTP 200 + its official message).</summary>
    public void FailNextSend(int code, string? message = null) =>
        Inject(new Fault { Status = 200, Body = ZaloApiErrors.Body(code, message), PathContains = SendPath });

    /// <summary>
    /// The OA's account is limited until <see cref="LiftAccountLimit"/>: every send answers <paramref name="code"/>, as Zalo does
    /// for a used-up quota (-211), paid features without a Zalo Cloud Account (-320) or an account that cannot be billed (-321).
    /// </summary>
    public void LimitAccount(int code) => _accountLimit = code;

    public void LiftAccountLimit() => _accountLimit = 0;

    /// <summary>The next send answers a bare HTTP error (a gateway 502, a 503…).</summary>
    public void ServerErrorOnNextSend(int status = 502) =>
        Inject(new Fault { Status = status, Body = "<html>Bad Gateway</html>", PathContains = SendPath });

    /// <summary>The next send is answered only after <paramref name="delay"/> (normally, unless the caller gave up).</summary>
    public void DelayNextSend(TimeSpan delay) => Inject(new Fault { Delay = delay, PathContains = SendPath });

    /// <summary>The next token request waits <paramref name="delay"/> before being answered normally.</summary>
    public void DelayNextTokenRequest(TimeSpan delay) => Inject(new Fault { Delay = delay, PathContains = TokenPath });

    protected override void MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(SendPath, (Delegate)SendAsync);
        app.MapPost(TokenPath, (Delegate)TokenAsync);
        app.MapGet(ArticlesPath, (Delegate)ArticleSlice);
        MapArticleBroadcast(app);
        app.MapGet(UserDetailPath, (Delegate)UserDetail);
    }

    private Member MemberOf(string userId) => _members.GetOrAdd(userId, _ => new Member());

    private string IssueRefreshToken(string? oaId)
    {
        var token = NewToken();
        _tokenOa[token] = Oa(oaId).OaId;
        _refreshTokens[token] = false;
        _refreshExpires[token] = Clock.GetUtcNow() + Options.RefreshTokenLifetime;
        return token;
    }

    // Zalo's tokens are ~50 URL-safe characters (P2).
    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(37)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private sealed class Member
    {
        public bool IsFollower { get; set; }

        public bool Unfollowed { get; set; }

        public bool Banned { get; set; }

        public DateTimeOffset? LastInteraction { get; set; }

        public string? DisplayName { get; set; }
    }
}
