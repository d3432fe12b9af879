using System.Net;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>Zalo's domain verification served from configuration: the meta tag on the home page, or the file it offers (issue 11, item 8).</summary>
public sealed class ZaloDomainVerificationTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Configured_HomePageCarriesTheMetaTag_AndTheFileIsServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct, new Dictionary<string, string?>
        {
            ["Outreach:Zalo:SiteVerification"] = "Abc123\"<x>",
            ["Outreach:Zalo:VerificationFileName"] = "zalo_verifierAbc123.html",
            ["Outreach:Zalo:VerificationFileContent"] = "<html>zalo-verify-Abc123</html>",
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var file = await http.GetStringAsync(new Uri("/zalo_verifierAbc123.html", UriKind.Relative), ct);

        Assert.Contains("<meta name=\"zalo-platform-site-verification\" content=\"Abc123&quot;&lt;x&gt;\">", home, StringComparison.Ordinal);
        Assert.Equal("<html>zalo-verify-Abc123</html>", file);
    }

    [Fact]
    public async Task NotConfigured_NothingServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var file = await http.GetAsync(new Uri("/zalo_verifierAbc123.html", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }
}
