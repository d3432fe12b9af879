using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Hosting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Zalo;

public sealed class ZaloOptionsValidatorTests(PostgresServer server)
{
    [Fact]
    public void Validate_NothingSet_ZaloIsSimplyOff() =>
        Assert.True(new ZaloOptionsValidator().Validate(null, new ZaloOptions()).Succeeded);

    [Fact]
    public void Validate_Complete_Succeeds() =>
        Assert.True(new ZaloOptionsValidator().Validate(null, Complete()).Succeeded);

    [Fact]
    public void Validate_AppIdSetButKeysMissing_NamesEachMissingKeyInVietnamese()
    {
        var result = new ZaloOptionsValidator().Validate(null, new ZaloOptions { AppId = "360846524940903967" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures, f => f.StartsWith("Outreach:Zalo:OaId phải là dãy chữ số", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.StartsWith("Outreach:Zalo:AppSecret là bắt buộc", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.StartsWith("Outreach:Zalo:OaSecretKey là bắt buộc", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_KeysWithoutAppId_Refused() =>
        Assert.True(new ZaloOptionsValidator().Validate(null, new ZaloOptions { OaSecretKey = "k" }).Failed);

    [Fact]
    public void Validate_NonNumericIdOrRelativeUrl_Refused()
    {
        Assert.True(new ZaloOptionsValidator().Validate(null, Complete(o => o.OaId = "oa-abc")).Failed);
        Assert.True(new ZaloOptionsValidator().Validate(null, Complete(o => o.OpenApiBaseUrl = new Uri("/zalo", UriKind.Relative))).Failed);
    }

    [Fact]
    public async Task Start_HalfConfigured_StopsWithOneVietnameseLine()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(
            database, new Dictionary<string, string?> { ["Outreach:Zalo:AppId"] = "360846524940903967" }, cancellationToken: ct));

        Assert.StartsWith("Lỗi khởi động: cấu hình không hợp lệ: ", StartupFailure.Describe(failure), StringComparison.Ordinal);
        Assert.Contains("Outreach:Zalo:OaSecretKey là bắt buộc", StartupFailure.Describe(failure), StringComparison.Ordinal);
    }

    private static ZaloOptions Complete(Action<ZaloOptions>? change = null)
    {
        var options = new ZaloOptions { AppId = "1", AppSecret = "s", OaSecretKey = "k", OaId = "2" };
        change?.Invoke(options);
        return options;
    }
}
