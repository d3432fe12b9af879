using System.Net;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>Who gets in: sign-in, the redirect to it, the antiforgery token on every form, and Hangfire's dashboard.</summary>
public sealed class ConsoleAccessTests(ConsoleWorldFixture fixture) : IClassFixture<ConsoleWorldFixture>
{
    private readonly ConsoleWorld _world = fixture.World;

    [Fact]
    public async Task Anonymous_ConsolePage_RedirectsToSignInAndBackAfterIt()
    {
        using var client = ConsoleClient.Anonymous(_world.Host.BaseAddress);

        var page = await client.GetAsync("/staff/posts?status=draft");
        var form = await client.GetAsync(page.Location!);
        var signedIn = await client.PostFormAsync("/staff/login",
            ("Username", "bientap.a"), ("Password", Seed.Password), ("ReturnUrl", "/staff/posts?status=draft"));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/staff/login?returnUrl=%2Fstaff%2Fposts%3Fstatus%3Ddraft", page.Location);
        Assert.Contains("value=\"/staff/posts?status=draft\"", form.Html, StringComparison.Ordinal);
        Assert.Equal("/staff/posts?status=draft", signedIn.Location);
    }

    [Theory]
    [InlineData("https://evil.example/staff")]
    [InlineData("//evil.example/staff")]
    [InlineData("/staffevil")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_ReturnUrlElsewhere_GoesToTheOverviewInstead(string returnUrl)
    {
        using var client = ConsoleClient.Anonymous(_world.Host.BaseAddress);
        await client.GetAsync("/staff/login");

        var signedIn = await client.PostFormAsync("/staff/login", ("Username", "bientap.a"), ("Password", Seed.Password), ("ReturnUrl",
            returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/staff", signedIn.Location);
    }

    [Theory]
    [InlineData("bientap.a", "sai-mat-khau-roi")]
    [InlineData("khong-co-ai", Seed.Password)]
    public async Task SignIn_WrongUserOrPassword_SameVietnameseAnswerAndNoCookie(string username, string password)
    {
        using var client = ConsoleClient.Anonymous(_world.Host.BaseAddress);
        await client.GetAsync("/staff/login");

        var answer = await client.PostFormAsync("/staff/login", ("Username", username), ("Password", password));
        var after = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", answer.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
    }

    [Fact]
    public async Task Form_WithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        using var approver = await _world.SignInAsync("duyet.tinh");

        var approve = await approver.PostFormWithoutTokenAsync($"/staff/posts/{_world.PostA.Id}/approve");
        var signIn = await ConsoleClient.Anonymous(_world.Host.BaseAddress)
            .PostFormWithoutTokenAsync("/staff/login", ("Username", "bientap.a"), ("Password", Seed.Password));

        Assert.Equal(HttpStatusCode.BadRequest, approve.Status);
        Assert.Contains("Phiên làm việc đã hết hạn", approve.Text, StringComparison.Ordinal);
        Assert.Equal("submitted", await _world.ScalarAsync<string>("SELECT status FROM posts WHERE id = @id",
            new { id = _world.PostA.Id }));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.Status);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var editor = await _world.SignInAsync("bientap.a");

        var signedOut = await editor.PostFormAsync("/staff/logout");
        var after = await editor.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/staff/login", after.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_NeedsTheCurrentOne_ThenOnlyTheNewOneSignsIn()
    {
        // The viewer: no other test of this class signs in with her, so changing her password disturbs none.
        using var editor = await _world.SignInAsync("xem.a");

        var wrong = await editor.PostFormAsync("/staff/password", ("Current", "khong-phai-mat-khau"), ("New", "mat-khau-moi-dai"),
            ("Repeat", "mat-khau-moi-dai"));
        var mismatch = await editor.PostFormAsync("/staff/password", ("Current", Seed.Password), ("New", "mat-khau-moi-dai"), ("Repeat",
            "khac"));
        var changed = await editor.PostFormAsync("/staff/password", ("Current", Seed.Password), ("New", "mat-khau-moi-dai"), ("Repeat",
            "mat-khau-moi-dai"));
        using var withNew = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "xem.a", "mat-khau-moi-dai");
        using var anonymous = ConsoleClient.Anonymous(_world.Host.BaseAddress);
        await anonymous.GetAsync("/staff/login");
        var withOld = await anonymous.PostFormAsync("/staff/login", ("Username", "xem.a"), ("Password", Seed.Password));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("Mật khẩu hiện tại không đúng.", wrong.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.Status);
    }

    [Fact]
    public async Task HangfireDashboard_OnlyForTheProvincesAdmins()
    {
        using var anonymous = ConsoleClient.Anonymous(_world.Host.BaseAddress);
        using var editor = await _world.SignInAsync("bientap.a");
        using var communeAdmin = await _world.SignInAsync("quantri.b");
        using var provinceAdmin = await _world.SignInAsync("quantri.tinh");

        var stranger = await anonymous.GetAsync("/hangfire");
        var refused = await editor.GetAsync("/hangfire");
        var refusedAdmin = await communeAdmin.GetAsync("/hangfire");
        var allowed = await provinceAdmin.GetAsync("/hangfire");
        var menu = await provinceAdmin.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, stranger.Status);
        Assert.StartsWith("/staff/login", stranger.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.Forbidden, refusedAdmin.Status);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Contains("Tác vụ nền · Outreach", allowed.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire\"", menu.Html, StringComparison.Ordinal);
        Assert.Contains("Tác vụ nền (Hangfire, tiếng Anh, ngày kiểu Mỹ tháng/ngày)", menu.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/hangfire\"", (await editor.GetAsync("/staff")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_VietnameseAsCharacters_AssetsServedWithTheirHashAndCachedForAYear()
    {
        using var editor = await _world.SignInAsync("bientap.a");
        var home = await editor.GetAsync("/staff");
        var href = System.Text.RegularExpressions.Regex.Match(home.Html,
            "href=\"(/staff/assets/console\\.css\\?v=[0-9a-f]{12})\"").Groups[1].Value;

        using var http = new HttpClient { BaseAddress = _world.Host.BaseAddress };
        using var css = await http.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
        using var missing = await http.GetAsync(new Uri("/staff/assets/khong-co.js", UriKind.Relative),
            TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"vi\">", home.Html, StringComparison.Ordinal);
        Assert.Contains("Xin chào", home.Html, StringComparison.Ordinal);
        Assert.NotEmpty(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
