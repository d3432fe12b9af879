using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Content.Stats;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Tracking;

// One collection with the end-to-end test: Hangfire keeps the last host's logger factory in a static, and a host disposed while
// another schedules its first job breaks that job's creation (see the report; the whole suite shares the hazard).
[Collection("tracking-hosts")]
public sealed class ClickEndpointsTests(PostgresServer server) : IAsyncLifetime
{
    public const string PostLink = "https://hoilhpn.example/bai-viet";
    private TestDatabase _database = null!;
    private OutreachHost _host = null!;
    private HttpClient _http = null!;
    private long _broadcast;
    private long _member;

    public static Dictionary<string, string?> TrackingSettings(string? baseUrl = "https://outreach.example") => new()
    {
        ["Outreach:Tracking:PublicBaseUrl"] = baseUrl,
        ["Outreach:Tracking:SigningKey"] = "khoa-ky-lien-ket-thu-nghiem-0123456789",
        ["Outreach:Scheduler:RunServer"] = "false",
    };

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var unit = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var author = await seed.StaffAsync("bientap", unit.Id, "editor", ct);
        _member = await seed.ContactAsync("webchat", "chi-lan", unit.Id, TimeSpan.FromHours(1), DateTimeOffset.UtcNow, ["health"], ct: ct);
        var reach = new ReachSeed(_database);
        _broadcast = await reach.BroadcastAsync(unit.Id, author.Id, "health", DateTimeOffset.UtcNow, PostLink, ct: ct);
        await reach.SendAsync(_broadcast, [_member], DateTimeOffset.UtcNow, ct);
        _host = await TestHost.StartAsync(_database, TrackingSettings(), cancellationToken: ct);
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Get_ValidToken_RedirectsToThePostsLink_AndCountsTheClickOncePerWindow()
    {
        var ct = TestContext.Current.CancellationToken;

        using var first = await _http.GetAsync(PathOf(Link(_broadcast, _member)), ct);
        using var second = await _http.GetAsync(PathOf(Link(_broadcast, _member)), ct);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(new Uri(PostLink), first.Headers.Location);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", first.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await ClicksAsync(ct));
    }

    [Fact]
    public async Task Get_ReplayedManyTimesAtOnce_CountsOneClick()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = PathOf(Link(_broadcast, _member));

        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => _http.GetAsync(path, ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await ClicksAsync(ct));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Get_ForgedAlteredOrOtherMembersToken_NotFoundAndNothingCounted()
    {
        var ct = TestContext.Current.CancellationToken;
        var genuine = PathOf(Link(_broadcast, _member));
        var tag = genuine[(genuine.LastIndexOf('-') + 1)..];
        string[] forged =
        [
            $"/r/{_broadcast}-{_member + 1}-{tag}",
            $"/r/{_broadcast + 1}-{_member}-{tag}",
            genuine[..^1] + (genuine[^1] == 'A' ? 'B' : 'A'),
            $"/r/{_broadcast}-{_member}",
            "/r/khong-hop-le",
        ];

        foreach (var path in forged)
        {
            using var response = await _http.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Liên kết này không đúng", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            Assert.Null(response.Headers.Location);
        }

        Assert.Equal(0, await ClicksAsync(ct));
    }

    [Fact]
    public async Task Get_DestinationInTheQuery_IsIgnored_NoOpenRedirect()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await _http.GetAsync(PathOf(Link(_broadcast, _member)) + "?url=https://lua-dao.example&next=//lua-dao.example", ct);

        Assert.Equal(new Uri(PostLink), response.Headers.Location);
    }

    [Fact]
    public async Task PreviewCrawlerAndHead_AreRedirectedButNotCounted()
    {
        var ct = TestContext.Current.CancellationToken;
        using var preview = new HttpRequestMessage(HttpMethod.Get, PathOf(Link(_broadcast, _member)));
        preview.Headers.UserAgent.ParseAdd("facebookexternalhit/1.1");
        using var head = new HttpRequestMessage(HttpMethod.Head, PathOf(Link(_broadcast, _member)));

        using var previewed = await _http.SendAsync(preview, ct);
        using var headed = await _http.SendAsync(head, ct);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (previewed.StatusCode, headed.StatusCode));
        Assert.Equal(0, await ClicksAsync(ct));
    }

    private string Link(long broadcast, long contact) => _host.Services.GetRequiredService<ClickLinks>().LinkFor(broadcast, contact)!;

    private static string PathOf(string link) => new Uri(link).AbsolutePath;

    private async Task<long> ClicksAsync(CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM reach_events WHERE kind = 'clicked'", cancellationToken: ct));
    }
}
