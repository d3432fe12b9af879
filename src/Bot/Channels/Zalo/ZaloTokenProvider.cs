using Microsoft.Extensions.Options;
using Outreach.Bot.Core;
using Outreach.Content.ChannelTokens;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// The OA's access token. It is read from PostgreSQL (shared by every host), refreshed a little before it expires or when
/// Zalo calls it invalid, and cached in memory between. Refreshing goes through <see cref="ChannelTokenStore.RotateAsync"/>:
/// the row lock makes sure that of several hosts only one spends the single-use refresh token; the others get its result.
/// Within this process a semaphore keeps concurrent senders from queueing on that lock.
/// </summary>
public sealed partial class ZaloTokenProvider(
    ChannelTokenStore store, ZaloOAuthClient oauth, IOptions<ZaloOptions> options, TimeProvider time, ILogger<ZaloTokenProvider> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Cached? _cached;
    private bool _seeded;

    private string OaId => options.Value.OaId ?? throw new InvalidOperationException("Outreach:Zalo:OaId is not set.");

    private TimeSpan Margin => TimeSpan.FromSeconds(options.Value.RefreshBeforeExpirySeconds);

    /// <summary>A usable access token, refreshing it first when it is missing or about to expire.</summary>
    public async Task<ZaloAccessToken> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cached) is { } cached && time.GetUtcNow() < cached.FreshUntil)
        {
            return ZaloAccessToken.From(cached.Token);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await SeedOnceAsync(cancellationToken);
            var stored = await store.GetAsync(ZaloChannel.Name, OaId, cancellationToken);
            if (stored is null)
            {
                Log.ZaloNoToken(logger);
                return ZaloAccessToken.Missing("no_token", "Chưa có token Zalo: đặt Outreach:Zalo:InitialRefreshToken từ bước cấp quyền của OA.");
            }

            if (stored.IsFresh(time.GetUtcNow(), Margin))
            {
                return Cache(stored);
            }

            return await RotateAsync(stored.Version, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Zalo refused the token of <paramref name="staleVersion"/> (-216/-220): returns a newer one, refreshing unless another
    /// sender or host already did.
    /// </summary>
    public async Task<ZaloAccessToken> RefreshAsync(long staleVersion, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _cached) is { Token: var cached } && cached.Version > staleVersion && cached.IsFresh(time.GetUtcNow(), TimeSpan.Zero))
            {
                return ZaloAccessToken.From(cached);
            }

            return await RotateAsync(staleVersion, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Spends the refresh token for a new pair whether or not a send needs one (issue 11.9): a quiet OA's 3-month refresh chain
    /// would otherwise run out. Returns the new token, or why Zalo refused it.
    /// </summary>
    public async Task<ZaloAccessToken> KeepAliveAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await SeedOnceAsync(cancellationToken);
            return await store.GetAsync(ZaloChannel.Name, OaId, cancellationToken) is { } stored
                ? await RotateAsync(stored.Version, cancellationToken)
                : ZaloAccessToken.Missing("no_token", "Chưa có token Zalo: đặt Outreach:Zalo:InitialRefreshToken từ bước cấp quyền của OA.");
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<ZaloAccessToken> RotateAsync(long seenVersion, CancellationToken cancellationToken)
    {
        var rotation = await store.RotateAsync(ZaloChannel.Name, OaId, seenVersion, oauth.RefreshAsync, cancellationToken);
        if (rotation is { Error: null, RotatedHere: false } && !rotation.Token.IsFresh(time.GetUtcNow(), TimeSpan.Zero))
        {
            // The row moved on without a usable access token (an operator seeded a new refresh token): refresh that one.
            rotation = await store.RotateAsync(ZaloChannel.Name, OaId, rotation.Token.Version, oauth.RefreshAsync, cancellationToken);
        }

        if (rotation.Error is not null || rotation.Token.AccessToken is null)
        {
            Volatile.Write(ref _cached, null);
            var error = rotation.Error ?? "no access token";
            Log.ZaloRefreshRefused(logger, error);
            return ZaloAccessToken.Missing("refresh_refused", "Zalo từ chối refresh token (" + error + "): quản trị OA cần cấp quyền lại.");
        }

        if (rotation.RotatedHere)
        {
            Log.ZaloTokenRotated(logger, rotation.Token.Version);
        }

        return Cache(rotation.Token);
    }

    // A token counts as fresh until RefreshBeforeExpiry before it expires, but never for less than half of the life it had
    // when we got it: should Zalo ever hand out short-lived tokens again (older guides say 1 hour), every send would
    // otherwise spend a refresh token.
    private ZaloAccessToken Cache(ChannelToken token)
    {
        var now = time.GetUtcNow();
        var expires = token.AccessExpiresAt ?? now;
        var margin = TimeSpan.FromTicks(Math.Min(Margin.Ticks, Math.Max(0, (expires - now).Ticks / 2)));
        Volatile.Write(ref _cached, new Cached(token, expires - margin));
        return ZaloAccessToken.From(token);
    }

    private async Task SeedOnceAsync(CancellationToken cancellationToken)
    {
        if (_seeded)
        {
            return;
        }

        if (options.Value.InitialRefreshToken is { Length: > 0 } initial && await store.SeedAsync(ZaloChannel.Name, OaId, initial, cancellationToken))
        {
            Log.ZaloTokensSeeded(logger);
        }

        _seeded = true;
    }

    private sealed record Cached(ChannelToken Token, DateTimeOffset FreshUntil);

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
