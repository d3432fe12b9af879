using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// Forms sent with required fields empty (what a browser with the script off, or an old one, sends): the page comes back 400
/// with the Vietnamese message under the field, tied to it for screen readers (aria-describedby names it, aria-invalid is
/// set), and the form is novalidate so that no browser message in the browser's language stands in front of it.
/// </summary>
public sealed class RequiredFieldsTests(PostgresServer server) : IAsyncLifetime
{
    private ConsoleWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await ConsoleWorld.StartAsync(server);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task SignIn_EmptyFields_EachSaysWhatIsMissing_AndCountsAsNoFailure()
    {
        using var anonymous = ConsoleClient.Anonymous(_world.Host.BaseAddress);
        await anonymous.GetAsync("/staff/login");

        var page = await anonymous.PostFormAsync("/staff/login", ("Username", ""), ("Password", ""));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var form = Form(page, "/staff/login");
        AssertTied(form, "username", "Nhập tên đăng nhập.");
        AssertTied(form, "password", "Nhập mật khẩu.");
        Assert.Equal(0, await _world.ScalarAsync<long>("SELECT count(*) FROM sign_in_failures"));
    }

    [Fact]
    public async Task NewUnit_EmptyName_SaidUnderTheName()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        var units = await admin.GetAsync("/staff/units");
        var level = Parse(units.Html).QuerySelector("#level option")!.GetAttribute("value")!;

        var page = await admin.PostFormAsync("/staff/units", ("ParentId", _world.Province.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Level", level), ("Name", " "), ("Code", ""));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        AssertTied(Form(page, "/staff/units"), "name", "Tên đơn vị không được để trống.");
    }

    [Fact]
    public async Task NewZaloOa_EmptyFields_SaidUnderTheZaloFormOnly()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");

        var page = await admin.PostFormAsync("/staff/channel-accounts", ("Channel", "zalo"),
            ("UnitId", _world.Province.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("AccountId", ""), ("Name", ""), ("AppId", ""), ("AppSecret", ""), ("OaSecretKey", ""), ("RefreshToken", ""));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var document = Parse(page.Html);
        var zalo = document.QuerySelector("form[aria-labelledby='them-oa']")!;
        AssertTied(zalo, "zalo-accountId", "OA ID là dãy chữ số");
        AssertTied(zalo, "zalo-appId", "App ID của ứng dụng Zalo");
        AssertTied(zalo, "zalo-refreshToken", "Refresh token của OA là bắt buộc.");
        Assert.NotNull(zalo.GetAttribute("novalidate"));
        var facebook = document.QuerySelector("form[aria-labelledby='them-trang']")!;
        Assert.Empty(facebook.QuerySelectorAll(".field-error"));
        Assert.Null(facebook.QuerySelector("#fb-accountId")!.GetAttribute("aria-invalid"));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static IElement Form(ConsolePage page, string action) =>
        Parse(page.Html).QuerySelectorAll("form").Single(f => f.GetAttribute("action") == action);

    // The field's aria-describedby names an element holding the message; the field says it is invalid; the form is novalidate.
    private static void AssertTied(IElement form, string fieldId, string message)
    {
        Assert.NotNull(form.GetAttribute("novalidate"));
        var field = form.QuerySelector("#" + fieldId) ?? throw new Xunit.Sdk.XunitException($"no field #{fieldId}");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.NotNull(field.GetAttribute("required"));
        var described = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var texts = described.Select(id => form.Owner!.GetElementById(id)?.TextContent ?? "").ToList();
        Assert.Contains(texts, t => t.Contains(message, StringComparison.Ordinal));
    }
}
