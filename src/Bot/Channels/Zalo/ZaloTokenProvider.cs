using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Core;
using Outreach.Content.ChannelTokens;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// Each OA's access token. It is read from PostgreSQL (shared by every host), refreshed a little before it expires or when
/// Zalo calls it invalid, and cached in memory between. Refreshing goes through <see cref="ChannelTokenStore.RotateAsync"/>
/// with the OA's own app id and secret (<see cref="IChannelAccounts"/>): the row lock makes sure that of several hosts only
/// one spends the single-use refresh token; the others get its result. Within this process a semaphore per OA keeps
/// concurrent senders from queueing on that lock. The methods without an OA id serve the installation's first OA (the
/// configured one, else the oldest account), for callers that do not know which (article insights).
/// </summary>
public sealed partial class ZaloTokenProvider(
    ChannelTokenStore store, ZaloOAuthClient oauth, IChannelAccounts accounts, IOptions<ZaloOptions> options, TimeProvider time,
    ILogger<ZaloTokenProvider> logger)
    : IDisposable
{
    private readonly ConcurrentDictionary<string, OaTokens> _oas = new(StringComparer.Ordinal);
    private bool _seeded;

    private TimeSpan Margin => TimeSpan.FromSeconds(options.Value.RefreshBeforeExpirySeconds);

    /// <summary>A usable access token of the installation's first OA.</summary>
    public async Task<ZaloAccessToken> GetAsync(CancellationToken cancellationToken) =>
        await DefaultOaAsync(cancellationToken) is { } oaId ? await GetAsync(oaId, cancellationToken) : NoOa();

    /// <summary>The first OA's token of <paramref name="staleVersion"/> was refused: a newer one.</summary>
    public async Task<ZaloAccessToken> RefreshAsync(long staleVersion, CancellationToken cancellationToken) =>
        await DefaultOaAsync(cancellationToken) is { } oaId ? await RefreshAsync(oaId, staleVersion, cancellationToken) : NoOa();

    /// <summary>A usable access token of <paramref name="oaId"/>, refreshing it first when it is missing or about to expire.</summary>
    public async Task<ZaloAccessToken> GetAsync(string oaId, CancellationToken cancellationToken)
    {
        var oa = _oas.GetOrAdd(oaId, _ => new OaTokens());
        if (Volatile.Read(ref oa.Current) is { } cached && time.GetUtcNow() < cached.FreshUntil)
        {
            return ZaloAccessToken.From(cached.Token);
        }

        await oa.Gate.WaitAsync(cancellationToken);
        try
        {
            await SeedOnceAsync(cancellationToken);
            var stored = await store.GetAsync(ZaloChannel.Name, oaId, cancellationToken);
            if (stored is null)
            {
                Log.ZaloNoToken(logger, oaId);
                return ZaloAccessToken.Missing("no_token", $"Chưa có token của Zalo OA {oaId}: lưu refresh token từ bước cấp quyền của OA ở trang \"Trang và OA\".");
            }

            if (stored.IsFresh(time.GetUtcNow(), Margin))
            {
                return Cache(oa, stored);
            }

            return await RotateAsync(oaId, oa, stored.Version, cancellationToken);
        }
        finally
        {
            oa.Gate.Release();
        }
    }

    /// <summary>
    /// Zalo refused the token of <paramref name="staleVersion"/> (-216/-220): returns a newer one, refreshing unless another
    /// sender or host already did.
    /// </summary>
    public async Task<ZaloAccessToken> RefreshAsync(string oaId, long staleVersion, CancellationToken cancellationToken)
    {
        var oa = _oas.GetOrAdd(oaId, _ => new OaTokens());
        await oa.Gate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref oa.Current) is { Token: var cached } && cached.Version > staleVersion && cached.IsFresh(time.GetUtcNow(), TimeSpan.Zero))
            {
                return ZaloAccessToken.From(cached);
            }

            return await RotateAsync(oaId, oa, staleVersion, cancellationToken);
        }
        finally
        {
            oa.Gate.Release();
        }
    }

    /// <summary>
    /// Spends <paramref name="oaId"/>'s refresh token for a new pair whether or not a send needs one (issue 11.9): a quiet OA's
    /// 3-month refresh chain would otherwise run out. Returns the new token, or why Zalo refused it.
    /// </summary>
    public async Task<ZaloAccessToken> KeepAliveAsync(string oaId, CancellationToken cancellationToken)
    {
        var oa = _oas.GetOrAdd(oaId, _ => new OaTokens());
        await oa.Gate.WaitAsync(cancellationToken);
        try
        {
            await SeedOnceAsync(cancellationToken);
            return await store.GetAsync(ZaloChannel.Name, oaId, cancellationToken) is { } stored
                ? await RotateAsync(oaId, oa, stored.Version, cancellationToken)
                : ZaloAccessToken.Missing("no_token", $"Chưa có token của Zalo OA {oaId}: lưu refresh token từ bước cấp quyền của OA ở trang \"Trang và OA\".");
        }
        finally
        {
            oa.Gate.Release();
        }
    }

    /// <summary>The keep-alive of the installation's first OA.</summary>
    public async Task<ZaloAccessToken> KeepAliveAsync(CancellationToken cancellationToken) =>
        await DefaultOaAsync(cancellationToken) is { } oaId ? await KeepAliveAsync(oaId, cancellationToken) : NoOa();

    /// <summary>An admin saved a new refresh token for <paramref name="oaId"/>: the token cached here is no longer the stored one.</summary>
    public void Forget(string oaId)
    {
        if (_oas.TryGetValue(oaId, out var oa))
        {
            Volatile.Write(ref oa.Current, null);
        }
    }

    public void Dispose()
    {
        foreach (var oa in _oas.Values)
        {
            oa.Dispose();
        }
    }

    private async Task<ZaloAccessToken> RotateAsync(string oaId, OaTokens oa, long seenVersion, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(ZaloChannel.Name, oaId, cancellationToken);
        if (account is null)
        {
            Volatile.Write(ref oa.Current, null);
            return ZaloAccessToken.Missing("unknown_oa", $"Zalo OA {oaId} chưa có trong hệ thống hoặc đã ngừng hoạt động.");
        }

        Task<TokenExchange> Exchange(string refreshToken, CancellationToken ct) => oauth.RefreshAsync(account.AppId, account.AppSecret, refreshToken, ct);
        var rotation = await store.RotateAsync(ZaloChannel.Name, oaId, seenVersion, Exchange, cancellationToken);
        if (rotation is { Error: null, RotatedHere: false } && !rotation.Token.IsFresh(time.GetUtcNow(), TimeSpan.Zero))
        {
            // The row moved on without a usable access token (an admin saved a new refresh token): refresh that one.
            rotation = await store.RotateAsync(ZaloChannel.Name, oaId, rotation.Token.Version, Exchange, cancellationToken);
        }

        if (rotation.Error is not null || rotation.Token.AccessToken is null)
        {
            Volatile.Write(ref oa.Current, null);
            var error = rotation.Error ?? "no access token";
            Log.ZaloRefreshRefused(logger, oaId, error);
            return ZaloAccessToken.Missing("refresh_refused", "Zalo từ chối refresh token (" + error + "): quản trị OA cần cấp quyền lại và lưu refresh token mới.");
        }

        if (rotation.RotatedHere)
        {
            Log.ZaloTokenRotated(logger, oaId, rotation.Token.Version);
        }

        return Cache(oa, rotation.Token);
    }

    // A token counts as fresh until RefreshBeforeExpiry before it expires, but never for less than half of the life it had
    // when we got it: should Zalo ever hand out short-lived tokens again (older guides say 1 hour), every send would
    // otherwise spend a refresh token.
    private ZaloAccessToken Cache(OaTokens oa, ChannelToken token)
    {
        var now = time.GetUtcNow();
        var expires = token.AccessExpiresAt ?? now;
        var margin = TimeSpan.FromTicks(Math.Min(Margin.Ticks, Math.Max(0, (expires - now).Ticks / 2)));
        Volatile.Write(ref oa.Current, new Cached(token, expires - margin));
        return ZaloAccessToken.From(token);
    }

    // The configured OA's refresh token (Outreach:Zalo:InitialRefreshToken); OAs added in the console store theirs when saved.
    private async Task SeedOnceAsync(CancellationToken cancellationToken)
    {
        if (_seeded)
        {
            return;
        }

        var settings = options.Value;
        if (settings.InitialRefreshToken is { Length: > 0 } initial && settings.OaId is { Length: > 0 } oaId
            && await store.SeedAsync(ZaloChannel.Name, oaId, initial, cancellationToken))
        {
            Log.ZaloTokensSeeded(logger, oaId);
        }

        _seeded = true;
    }

    private async Task<string?> DefaultOaAsync(CancellationToken cancellationToken) =>
        options.Value.OaId is { Length: > 0 } configured ? configured
        : await accounts.ListAsync(ZaloChannel.Name, cancellationToken) is { Count: > 0 } listed ? listed[0].AccountId : null;

    private static ZaloAccessToken NoOa() => ZaloAccessToken.Missing("no_oa", "Chưa có Zalo OA nào (trang \"Trang và OA\" hoặc Outreach:Zalo).");

    private sealed record Cached(ChannelToken Token, DateTimeOffset FreshUntil);

    private sealed class OaTokens : IDisposable
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public Cached? Current;

        public void Dispose() => Gate.Dispose();
    }
}

/// <summary>An access token and the version it has in the store, or why there is none.</summary>
public sealed record ZaloAccessToken(string? Value, long Version, string? ErrorCode, string? ErrorMessage)
{
    public static ZaloAccessToken From(ChannelToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.AccessToken, token.Version, null, null);
    }

    public static ZaloAccessToken Missing(string code, string message) => new(null, 0, code, message);
}
