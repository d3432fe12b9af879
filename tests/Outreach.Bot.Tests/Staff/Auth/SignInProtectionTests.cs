using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Auth;

/// <summary>Brute force on /staff/api/session and /staff/login: locks by username (known or not) and limits by address.</summary>
public sealed class SignInProtectionTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        await seed.StaffAsync("bientap", province.Id, "editor", ct);
        await seed.StaffAsync("duyet", province.Id, "approver", ct);
        await seed.StaffAsync("da.khoa", province.Id, "viewer", ct);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var disable = new Npgsql.NpgsqlCommand("UPDATE staff_users SET is_active = false WHERE username = 'da.khoa'", connection);
        await disable.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ThirtyWrongPasswordsThenTheRightOne_Refused_WithAVietnameseWaitAndRetryAfter()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var wrong = await SignInAsync(http, "bientap", "mat-khau-sai-" + i, ct);
            statuses.Add(wrong.StatusCode);
        }

        using var right = await SignInAsync(http, "bientap", Seed.Password, ct);

        Assert.All(statuses.Take(4), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(4), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.StartsWith("Đăng nhập sai quá nhiều lần. Hãy thử lại sau", await DetailAsync(right, ct), StringComparison.Ordinal);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var other = await SignInAsync(http, "duyet", Seed.Password, ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task ConsoleForm_LockedUsername_SamePageMessage_AndNoCookie()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: ct);
        using var client = ConsoleClient.Anonymous(host.BaseAddress);
        await client.GetAsync("/staff/login");
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/staff/login", ("Username", "bientap"), ("Password", "sai-" + i));
        }

        var right = await client.PostFormAsync("/staff/login", ("Username", "bientap"), ("Password", Seed.Password));
        var after = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.TooManyRequests, right.Status);
        Assert.Contains("Đăng nhập sai quá nhiều lần", right.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
    }

    [Fact]
    public async Task UnknownAndDisabledUsernames_AnsweredAndLockedExactlyLikeAKnownOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var answers = new Dictionary<string, List<(HttpStatusCode, string)>>();
        foreach (var username in new[] { "bientap", "khong.co.ai", "da.khoa" })
        {
            answers[username] = [];
            for (var i = 0; i < 6; i++)
            {
                using var response = await SignInAsync(http, username, "sai-" + i, ct);
                answers[username].Add((response.StatusCode, await DetailAsync(response, ct)));
            }
        }

        Assert.Equal(answers["bientap"], answers["khong.co.ai"]);
        Assert.Equal(answers["bientap"], answers["da.khoa"]);
        Assert.Equal((HttpStatusCode.Unauthorized, StaffSignIn.WrongCredentials), answers["bientap"][0]);
    }

    [Fact]
    public async Task UnknownUsername_CostsOnePasswordVerification_AsAKnownOneDoes()
    {
        var ct = TestContext.Current.CancellationToken;
        var passwords = new CountingPasswords();
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), configure: b => b.Services.AddSingleton<StaffPasswords>(passwords),
            cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var counts = new List<int>();
        foreach (var username in new[] { "bientap", "khong.co.ai", "da.khoa" })
        {
            var before = passwords.Verifications;
            using var response = await SignInAsync(http, username, "sai-mat-khau", ct);
            counts.Add(passwords.Verifications - before);
        }

        Assert.Equal([1, 1, 1], counts);
    }

    [Fact]
    public async Task Lock_Expires_ThenGrows_ForEachFurtherWrongPassword()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), configure: b => b.Services.AddSingleton<TimeProvider>(clock),
            cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        for (var i = 0; i < 5; i++)
        {
            (await SignInAsync(http, "bientap", "sai-" + i, ct)).Dispose();
        }

        clock.Advance(TimeSpan.FromSeconds(61));
        using var sixth = await SignInAsync(http, "bientap", "sai-5", ct);
        clock.Advance(TimeSpan.FromSeconds(61));
        using var stillLocked = await SignInAsync(http, "bientap", Seed.Password, ct);
        clock.Advance(TimeSpan.FromSeconds(60));
        using var right = await SignInAsync(http, "bientap", Seed.Password, ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("Đăng nhập sai quá nhiều lần. Hãy thử lại sau 2 phút.", await DetailAsync(sixth, ct));
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task ManyAttemptsFromOneAddress_RefusedWithRetryAfter_OnTheApiAndTheConsole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(
            _database, TestHost.WithoutJobServer(new Dictionary<string, string?> { ["Outreach:Staff:SignIn:AttemptsPerAddress"] = "3" }), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        for (var i = 0; i < 3; i++)
        {
            (await SignInAsync(http, "nguoi-" + i, "sai", ct)).Dispose();
        }

        using var api = await SignInAsync(http, "duyet", Seed.Password, ct);
        using var console = ConsoleClient.Anonymous(host.BaseAddress);
        await console.GetAsync("/staff/login");
        var form = await console.PostFormAsync("/staff/login", ("Username", "duyet"), ("Password", Seed.Password));

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal(SignInRateLimiting.TooMany, await DetailAsync(api, ct));
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.Status);
        Assert.Contains(SignInRateLimiting.TooMany, form.Text, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string username, string password, CancellationToken ct) =>
        http.PostAsJsonAsync(new Uri("/staff/api/session", UriKind.Relative), new { username, password }, ct);

    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length == 0 ? "" : JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }

    private sealed class CountingPasswords : StaffPasswords
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public override bool Verify(string hash, string password, out bool rehash)
        {
            Interlocked.Increment(ref _verifications);
            return base.Verify(hash, password, out rehash);
        }
    }
}
