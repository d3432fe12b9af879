using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Auth;

/// <summary>Sessions: a copied cookie dies with sign-out or a password change, sign-ins end after an absolute lifetime, cookies are Secure over HTTPS.</summary>
public sealed class StaffSessionTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        await seed.StaffAsync("bientap", province.Id, "editor", ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task CookieCopiedBeforeSignOut_NoLongerWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: ct);
        var (browser, cookie) = await SignInAsync(host.BaseAddress, ct);
        using var copy = WithCookie(host.BaseAddress, cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(new Uri("/staff/api/me", UriKind.Relative), ct)).StatusCode);

        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/staff/api/session") { Headers = { { "X-Requested-With", "fetch" } } };
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut, ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync(new Uri("/staff/api/me", UriKind.Relative), ct)).StatusCode);
        browser.Dispose();
    }

    [Fact]
    public async Task CookieCopiedBeforeAPasswordChange_NoLongerWorks_WhileHerOwnSessionGoesOn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: ct);
        var (browser, cookie) = await SignInAsync(host.BaseAddress, ct);
        using var copy = WithCookie(host.BaseAddress, cookie);

        using var change = await browser.PutAsJsonAsync(new Uri("/staff/api/session/password", UriKind.Relative),
            new { currentPassword = Seed.Password, newPassword = "mat-khau-moi-dai-hon" }, ct);

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync(new Uri("/staff/api/me", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/staff/api/me", UriKind.Relative), ct)).StatusCode);
        using var oldPassword = await browser.PostAsJsonAsync(new Uri("/staff/api/session", UriKind.Relative),
            new { username = "bientap", password = Seed.Password }, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        browser.Dispose();
    }

    [Fact]
    public async Task BusySession_EndsAfterTheAbsoluteLifetime()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), configure: b => b.Services.AddSingleton<TimeProvider>(clock),
            cancellationToken: ct);
        var (browser, _) = await SignInAsync(host.BaseAddress, ct);
        var statuses = new List<HttpStatusCode>();
        foreach (var hours in new[] { 5, 5, 1.5 })
        {
            clock.Advance(TimeSpan.FromHours(hours));
            statuses.Add((await browser.GetAsync(new Uri("/staff/api/me", UriKind.Relative), ct)).StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(1));
        var after = (await browser.GetAsync(new Uri("/staff/api/me", UriKind.Relative), ct)).StatusCode;

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, after);
        browser.Dispose();
    }

    [Fact]
    public async Task HttpsThroughAConfiguredProxy_CookiesSecure_AndHsts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(
            _database, TestHost.WithoutJobServer(new Dictionary<string, string?> { ["Outreach:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" }), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var https = await ProxiedSignInAsync(http, "https", ct);
        using var plain = await ProxiedSignInAsync(http, "http", ct);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/staff/login") { Headers = { { "X-Forwarded-Proto", "https" }, { "Host", "outreach.example" } } };
        using var form = await http.SendAsync(page, ct);

        Assert.Contains("secure", SetCookie(https, "outreach_staff"), StringComparison.OrdinalIgnoreCase);
        Assert.True(https.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", SetCookie(plain, "outreach_staff"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", SetCookie(form, "outreach_af"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedProto_FromAnUnconfiguredProxy_IsIgnored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await ProxiedSignInAsync(http, "https", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("secure", SetCookie(response, "outreach_staff"), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static async Task<(HttpClient Browser, string Cookie)> SignInAsync(Uri baseAddress, CancellationToken ct)
    {
        var jar = new CookieContainer();
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = baseAddress };
        using var response = await browser.PostAsJsonAsync(new Uri("/staff/api/session", UriKind.Relative),
            new { username = "bientap", password = Seed.Password }, ct);
        response.EnsureSuccessStatusCode();
        return (browser, jar.GetCookieHeader(baseAddress));
    }

    private static HttpClient WithCookie(Uri baseAddress, string cookie) =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = baseAddress, DefaultRequestHeaders = { { "Cookie", cookie } } };

    private static async Task<HttpResponseMessage> ProxiedSignInAsync(HttpClient http, string scheme, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/api/session")
        {
            Content = JsonContent.Create(new { username = "bientap", password = Seed.Password }),
            Headers = { { "X-Forwarded-Proto", scheme }, { "X-Forwarded-For", "203.0.113.7" }, { "Host", "outreach.example" } },
        };
        return await http.SendAsync(request, ct);
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) ?? "" : "";
}
