using Outreach.Content.ChannelTokens;
using Outreach.Testing;

namespace Outreach.Content.Tests.ChannelTokens;

public sealed class ChannelTokenStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Expiry = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private ChannelTokenStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        _store = new ChannelTokenStore(_database.DataSource, TimeProvider.System);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task SeedAsync_SameSettingAgain_KeepsRotatedTokens_NewSettingReplacesThem()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(await _store.SeedAsync("zalo", "oa", "refresh-1", ct));
        await _store.RotateAsync("zalo", "oa", 1, (_, _) => Task.FromResult(TokenExchange.Granted("access-2", Expiry, "refresh-2")), ct);

        var reseeded = await _store.SeedAsync("zalo", "oa", "refresh-1", ct);
        var kept = await _store.GetAsync("zalo", "oa", ct);
        var replaced = await _store.SeedAsync("zalo", "oa", "refresh-new", ct);
        var fresh = await _store.GetAsync("zalo", "oa", ct);

        Assert.False(reseeded);
        Assert.Equal(("access-2", "refresh-2", 2L), (kept!.AccessToken, kept.RefreshToken, kept.Version));
        Assert.True(replaced);
        Assert.Equal((null, "refresh-new", 3L), (fresh!.AccessToken, fresh.RefreshToken, fresh.Version));
    }

    [Fact]
    public async Task RotateAsync_CurrentVersion_SpendsTheStoredRefreshTokenAndStoresTheNewPair()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SeedAsync("zalo", "oa", "refresh-1", ct);
        string? spent = null;

        var rotation = await _store.RotateAsync("zalo", "oa", 1, (refresh, _) =>
        {
            spent = refresh;
            return Task.FromResult(TokenExchange.Granted("access-2", Expiry, "refresh-2"));
        }, ct);

        Assert.Equal("refresh-1", spent);
        Assert.True(rotation.RotatedHere);
        Assert.Equal(rotation.Token, await _store.GetAsync("zalo", "oa", ct));
        Assert.Equal(Expiry, rotation.Token.AccessExpiresAt);
    }

    [Fact]
    public async Task RotateAsync_StaleVersion_ReturnsTheNewerTokenWithoutSpending()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SeedAsync("zalo", "oa", "refresh-1", ct);
        await _store.RotateAsync("zalo", "oa", 1, (_, _) => Task.FromResult(TokenExchange.Granted("access-2", Expiry, "refresh-2")), ct);

        var rotation = await _store.RotateAsync("zalo", "oa", 1, (_, _) => throw new InvalidOperationException("must not spend"), ct);

        Assert.False(rotation.RotatedHere);
        Assert.Null(rotation.Error);
        Assert.Equal("access-2", rotation.Token.AccessToken);
    }

    [Fact]
    public async Task RotateAsync_Refused_RecordsTheErrorAndKeepsTheVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SeedAsync("zalo", "oa", "refresh-1", ct);

        var rotation = await _store.RotateAsync("zalo", "oa", 1, (_, _) => Task.FromResult(TokenExchange.Refused("-14014 Invalid refresh token")), ct);

        Assert.Equal("-14014 Invalid refresh token", rotation.Error);
        var stored = await _store.GetAsync("zalo", "oa", ct);
        Assert.Equal((1L, "refresh-1", "-14014 Invalid refresh token"), (stored!.Version, stored.RefreshToken, stored.LastError));
    }

    [Fact]
    public async Task RotateAsync_ExchangeThrows_NothingChangesAndTheRowIsFreeAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SeedAsync("zalo", "oa", "refresh-1", ct);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            _store.RotateAsync("zalo", "oa", 1, (_, _) => throw new HttpRequestException("timeout"), ct));
        var retried = await _store.RotateAsync("zalo", "oa", 1, (_, _) => Task.FromResult(TokenExchange.Granted("a", Expiry, "r")), ct);

        Assert.True(retried.RotatedHere);
    }
}
