using System.Net;
using System.Net.Http.Json;
using Dapper;
using Outreach.Bot.Hosting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Auth;

/// <summary>
/// A page elsewhere on the same site posting to the cookie-authenticated JSON API: a form post (no JSON, no custom header) or a
/// request whose browser says it came from another origin changes nothing; the gateway's own JSON calls go through.
/// </summary>
public sealed class StaffApiRequestGuardTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private OutreachHost _host = null!;
    private long _post;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var commune = await seed.UnitAsync(province.Id, "xa", "Xã A", ct);
        await seed.StaffAsync("bientap", commune.Id, "editor", ct);
        await seed.StaffAsync("duyet", province.Id, "approver", ct);
        _host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: ct);
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap", ct: ct);
        var (_, post) = await editor.PostAsync("/staff/api/posts", new
        {
            title = "Khám sàng lọc", body = "Khám miễn phí cho hội viên.", topic = "health", isPromotional = false,
            channels = new[] { "webchat" }, audienceUnitIds = new[] { commune.Id },
        }, ct);
        _post = post.GetProperty("id").GetInt64();
        await editor.PostAsync($"/staff/api/posts/{_post}/submit", null, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "a=1")]
    [InlineData("multipart/form-data; boundary=x", "--x--")]
    [InlineData("text/plain", "{}")]
    public async Task CrossSiteFormPost_WithTheCookie_RefusedAndNothingApproved(string contentType, string body)
    {
        var ct = TestContext.Current.CancellationToken;
        using var approver = await SignedInAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/staff/api/posts/{_post}/approve") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await approver.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("JSON", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal("submitted", await StatusAsync(ct));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://trang-khac.example")]
    public async Task JsonFromAnotherOrigin_AsTheBrowserSays_Refused(string header, string value)
    {
        var ct = TestContext.Current.CancellationToken;
        using var approver = await SignedInAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/staff/api/posts/{_post}/approve") { Content = JsonContent.Create(new { }) };
        request.Headers.Add(header, value);

        using var response = await approver.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("submitted", await StatusAsync(ct));
    }

    [Fact]
    public async Task SameOriginJson_AndTheCustomHeader_GoThrough()
    {
        var ct = TestContext.Current.CancellationToken;
        using var approver = await SignedInAsync(ct);
        using var json = new HttpRequestMessage(HttpMethod.Post, $"/staff/api/posts/{_post}/approve") { Content = JsonContent.Create(new { }) };
        json.Headers.Add("Sec-Fetch-Site", "same-origin");
        json.Headers.Add("Origin", _host.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var header = new HttpRequestMessage(HttpMethod.Delete, "/staff/api/session") { Headers = { { "X-Requested-With", "fetch" } } };

        using var approved = await approver.SendAsync(json, ct);
        using var signedOut = await approver.SendAsync(header, ct);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", await StatusAsync(ct));
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(CancellationToken ct)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _host.BaseAddress };
        (await http.PostAsJsonAsync(new Uri("/staff/api/session", UriKind.Relative), new { username = "duyet", password = Seed.Password }, ct))
            .EnsureSuccessStatusCode();
        return http;
    }

    private async Task<string> StatusAsync(CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT status FROM posts WHERE id = @_post", new { _post }, cancellationToken: ct))
            ?? "";
    }
}
