using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// Admins manage the accounts of their units in the console: edit, lock, unlock, reset a password to a one-time one (replaced
/// at the next sign-in). Each change is audited, the ones that must end her sessions do, and other units' accounts are 404s.
/// </summary>
public sealed partial class AccountAdminTests(ConsoleWorldFixture fixture) : IClassFixture<ConsoleWorldFixture>
{
    private readonly ConsoleWorld _world = fixture.World;

    [Fact]
    public async Task Lock_EndsHerSessionAtOnce_SignInRefused_UntilUnlocked_BothAudited()
    {
        var id = await StaffAsync("canbo.khoa", _world.CommuneB.Id, "editor");
        using var member = await _world.SignInAsync("canbo.khoa");
        using var admin = await _world.SignInAsync("quantri.b");

        var locked = await admin.PostFormAsync($"/staff/accounts/{id}/lock");
        var during = await member.GetAsync("/staff");
        var signIn = await SignInAsync("canbo.khoa", Testing.Seed.Password);
        var page = await admin.GetAsync($"/staff/accounts/{id}");
        var unlocked = await admin.PostFormAsync($"/staff/accounts/{id}/unlock");
        var again = await SignInAsync("canbo.khoa", Testing.Seed.Password);

        Assert.Equal($"/staff/accounts/{id}?notice=staff-locked", locked.Location);
        Assert.Equal(HttpStatusCode.Redirect, during.Status);
        Assert.StartsWith("/staff/login", during.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.Status);
        Assert.Contains("Đã khóa", page.Text, StringComparison.Ordinal);
        Assert.Equal($"/staff/accounts/{id}?notice=staff-unlocked", unlocked.Location);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(["created", "locked", "unlocked"], await ActionsAsync(id));
        Assert.Equal(2, await _world.ScalarAsync<int>(
            "SELECT count(*) FROM staff_account_events e JOIN staff_users a ON a.id = e.actor_id WHERE e.staff_user_id = @id AND a.username = 'quantri.b'",
            new { id }));
    }

    [Fact]
    public async Task NewRole_EndsHerSession_AndTheHistorySaysWhoChangedWhat()
    {
        var id = await StaffAsync("canbo.vaitro", _world.CommuneB.Id, "editor");
        using var member = await _world.SignInAsync("canbo.vaitro");
        using var admin = await _world.SignInAsync("quantri.b");
        await admin.GetAsync($"/staff/accounts/{id}");

        var saved = await admin.PostFormAsync($"/staff/accounts/{id}",
            ("DisplayName", "Chị Vai Trò"), ("OrgUnitId", _world.CommuneB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Role", "approver"));
        var during = await member.GetAsync("/staff");
        var page = await admin.GetAsync(saved.Location!);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.StartsWith("/staff/login", during.Location, StringComparison.Ordinal);
        Assert.Equal("approver", await _world.ScalarAsync<string>("SELECT role FROM staff_users WHERE id = @id", new { id }));
        Assert.Contains("vai trò: Biên tập viên → Người duyệt", page.Text, StringComparison.Ordinal);
        Assert.Contains("họ tên: canbo.vaitro → Chị Vai Trò", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_OneTimePasswordShownOnce_OnlyThePasswordPageUntilReplaced_ThenEverythingWorks()
    {
        var id = await StaffAsync("canbo.quen", _world.CommuneB.Id, "editor");
        using var member = await _world.SignInAsync("canbo.quen");
        using var admin = await _world.SignInAsync("quantri.b");

        var reset = await admin.PostFormAsync($"/staff/accounts/{id}/reset-password");
        var oneTime = OneTimePattern().Match(reset.Html).Groups[1].Value;
        var shownAgain = await admin.GetAsync($"/staff/accounts/{id}");
        var oldSession = await member.GetAsync("/staff");
        var oldPassword = await SignInAsync("canbo.quen", Testing.Seed.Password);

        using var fresh = ConsoleClient.Anonymous(_world.Host.BaseAddress);
        await fresh.GetAsync("/staff/login");
        var signedIn = await fresh.PostFormAsync("/staff/login", ("Username", "canbo.quen"), ("Password", oneTime));
        var elsewhere = await fresh.GetAsync("/staff/posts");
        var (apiPosts, apiMe) = await ApiWithAsync("canbo.quen", oneTime);
        await fresh.GetAsync("/staff/password");
        var weak = await fresh.PostFormAsync("/staff/password", ("Current", oneTime), ("New", "ngan"), ("Repeat", "ngan"));
        var changed = await fresh.PostFormAsync("/staff/password",
            ("Current", oneTime), ("New", "mat-khau-cua-rieng-toi"), ("Repeat", "mat-khau-cua-rieng-toi"));
        var posts = await fresh.GetAsync("/staff/posts");

        Assert.Equal(12, oneTime.Length);
        Assert.DoesNotContain(oneTime, shownAgain.Html, StringComparison.Ordinal);
        Assert.StartsWith("/staff/login", oldSession.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.Status);
        Assert.Equal("/staff/password", signedIn.Location);
        Assert.Equal("/staff/password", elsewhere.Location);
        Assert.Equal(HttpStatusCode.Forbidden, apiPosts);
        Assert.True(apiMe.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, weak.Status);
        Assert.Contains("Mật khẩu cần ít nhất 10 ký tự.", weak.Text, StringComparison.Ordinal);
        Assert.Equal("/staff?notice=password-changed", changed.Location);
        Assert.Equal(HttpStatusCode.OK, posts.Status);
        Assert.Equal(["created", "password_reset", "password_changed"], await ActionsAsync(id));
    }

    [Fact]
    public async Task AccountCreatedByAnAdmin_ChoosesHerOwnPasswordAtFirstSignIn()
    {
        using var admin = await _world.SignInAsync("quantri.b");
        await admin.GetAsync("/staff/accounts");

        var created = await admin.PostFormAsync("/staff/accounts",
            ("Username", "canbo.moi"), ("DisplayName", "Chị Mới"), ("OrgUnitId", _world.CommuneB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Role", "editor"), ("Password", "mat-khau-ban-dau"));
        using var member = ConsoleClient.Anonymous(_world.Host.BaseAddress);
        await member.GetAsync("/staff/login");
        var signedIn = await member.PostFormAsync("/staff/login", ("Username", "canbo.moi"), ("Password", "mat-khau-ban-dau"));
        var page = await member.GetAsync("/staff/password");

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/staff/password", signedIn.Location);
        Assert.Contains("Bạn đang dùng mật khẩu tạm", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewAccountForm_Empty_VietnameseErrorsTiedToTheirFields_NoBrowserChecks()
    {
        using var admin = await _world.SignInAsync("quantri.b");

        var form = await admin.GetAsync("/staff/accounts");
        var refused = await admin.PostFormAsync("/staff/accounts",
            ("Username", ""), ("DisplayName", " "), ("OrgUnitId", _world.CommuneB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Role", "editor"), ("Password", ""));

        Assert.Matches("<form [^>]*action=\"/staff/accounts\"[^>]* novalidate", form.Html);
        foreach (var (field, message) in new[] { ("username", "Tên đăng nhập dài 3–64 ký tự"), ("displayName", "Họ tên là bắt buộc") })
        {
            Assert.Matches($"<input [^>]*id=\"{field}\"[^>]*aria-describedby=\"{field}-loi\" aria-invalid=\"true\"", refused.Html);
            Assert.Matches($"<span class=\"field-error\" id=\"{field}-loi\">{message}", refused.Text);
        }

        Assert.Matches("<input [^>]*id=\"password\"[^>]*aria-invalid=\"true\"", refused.Html);
        Assert.DoesNotMatch("<select [^>]*id=\"role\"[^>]*aria-invalid", refused.Html);
    }

    [Fact]
    public async Task AnotherUnitsAccount_IsNotFound_AndNoAccountMovesOutOfHerUnits()
    {
        var mine = await StaffAsync("canbo.b.chuyen", _world.CommuneB.Id, "editor");
        var other = await _world.ScalarAsync<long>("SELECT id FROM staff_users WHERE username = 'bientap.a'");
        using var admin = await _world.SignInAsync("quantri.b");
        await admin.GetAsync($"/staff/accounts/{mine}");

        var view = await admin.GetAsync($"/staff/accounts/{other}");
        var lockOther = await admin.PostFormAsync($"/staff/accounts/{other}/lock");
        var resetOther = await admin.PostFormAsync($"/staff/accounts/{other}/reset-password");
        var move = await admin.PostFormAsync($"/staff/accounts/{mine}",
            ("DisplayName", "canbo.b.chuyen"), ("OrgUnitId", _world.CommuneA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Role", "editor"));
        var lockSelf = await admin.PostFormAsync(
            $"/staff/accounts/{await _world.ScalarAsync<long>("SELECT id FROM staff_users WHERE username = 'quantri.b'")}/lock");

        Assert.Equal(HttpStatusCode.NotFound, view.Status);
        Assert.Equal(HttpStatusCode.NotFound, lockOther.Status);
        Assert.Equal(HttpStatusCode.NotFound, resetOther.Status);
        Assert.Equal(HttpStatusCode.BadRequest, move.Status);
        Assert.Equal(_world.CommuneB.Id, await _world.ScalarAsync<long>("SELECT org_unit_id FROM staff_users WHERE id = @mine", new { mine }));
        Assert.Equal(HttpStatusCode.Forbidden, lockSelf.Status);
        Assert.True(await _world.ScalarAsync<bool>("SELECT is_active FROM staff_users WHERE username = 'bientap.a'"));
        Assert.Equal(["created"], await ActionsAsync(other));
    }

    private async Task<long> StaffAsync(string username, long unitId, string role) =>
        (await new Testing.Seed(_world.Database).StaffAsync(username, unitId, role, TestContext.Current.CancellationToken)).Id;

    private async Task<ConsolePage> SignInAsync(string username, string password)
    {
        using var client = ConsoleClient.Anonymous(_world.Host.BaseAddress);
        await client.GetAsync("/staff/login");
        var answer = await client.PostFormAsync("/staff/login", ("Username", username), ("Password", password));
        return answer.Status == HttpStatusCode.Redirect ? answer with { Status = HttpStatusCode.OK } : answer;
    }

    private async Task<(HttpStatusCode Posts, JsonElement Me)> ApiWithAsync(string username, string password)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _world.Host.BaseAddress };
        (await http.PostAsJsonAsync(new Uri("/staff/api/session", UriKind.Relative), new { username, password }, ct)).EnsureSuccessStatusCode();
        using var posts = await http.GetAsync(new Uri("/staff/api/posts", UriKind.Relative), ct);
        var me = await http.GetFromJsonAsync<JsonElement>(new Uri("/staff/api/me", UriKind.Relative), ct);
        return (posts.StatusCode, me);
    }

    private async Task<string[]> ActionsAsync(long id)
    {
        await using var connection = await _world.Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT action FROM staff_account_events WHERE staff_user_id = @id ORDER BY id", new { id }))
            .ToArray();
    }

    [GeneratedRegex("<code id=\"mat-khau-tam\">([a-z0-9]+)</code>")]
    private static partial Regex OneTimePattern();
}
