using Outreach.Bot.Channels.Zalo;
using Outreach.Emulators.Zalo;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>Reading the token endpoint's answers: the doc's grant (P2) and its three refusal shapes (P3).</summary>
public sealed class ZaloOAuthClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_DocGrantP2_NewPairExpiringIn25Hours()
    {
        var exchange = ZaloOAuthClient.Read(ZaloSamples.Text("p2_token_grant.json"), 200, Now);

        Assert.True(exchange.IsGranted);
        Assert.Equal("RfBh5NdqsWzhcX8bDDe_1A463Z34Fhy1GVi63AoTU1InwujqF", exchange.AccessToken);
        Assert.Equal("L2Y2BO9Prn_I1SkM08T4J99bZQYVbOBPfTVeRgrLdPK4ZqGX9G", exchange.RefreshToken);
        Assert.Equal(Now.AddSeconds(90000), exchange.AccessExpiresAt);
    }

    [Fact]
    public void Read_ExpiresInAsNumber_Accepted() =>
        Assert.Equal(Now.AddSeconds(3600), ZaloOAuthClient.Read("{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":3600}", 200, Now).AccessExpiresAt);

    [Theory]
    [InlineData("p3_refresh_failure_1.json")]
    [InlineData("p3_refresh_failure_2.json")]
    [InlineData("p3_refresh_failure_3.json")]
    public void Read_DocRefusalsP3_RefusedWithCode(string sample)
    {
        var exchange = ZaloOAuthClient.Read(ZaloSamples.Text(sample), 200, Now);

        Assert.False(exchange.IsGranted);
        Assert.StartsWith("-14014 Invalid refresh token", exchange.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>oops</html>")]
    [InlineData("{\"access_token\":\"a\",\"expires_in\":\"90000\"}")]
    public void Read_EmptyUnreadableOrHalfAGrant_Refused(string body) => Assert.False(ZaloOAuthClient.Read(body, 200, Now).IsGranted);
}
