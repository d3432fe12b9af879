using Dapper;
using Microsoft.Playwright;
using Outreach.Bot.Hosting;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// Issue 18.8, in chromium: members who write to the Page on the Messenger emulator are shown by the name Facebook gives them
/// (looked up after their first message) on the handoff queue, its crisis alerts, the conversation and the members list,
/// and one without a profile by her number; and, in a browser set to English, forms sent with required fields empty say so in
/// Vietnamese beside the field instead of the browser's English bubble. Screenshots in TestResults/screenshots/member-names-and-forms/.
/// </summary>
public sealed class MemberNamesAndFormsTests(PostgresServer server) : IAsyncLifetime
{
    private readonly Screenshots _screenshots = new("member-names-and-forms");
    private Journey _journey = null!;
    private MessengerEmulator _messenger = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        var seed = _journey.Seed;
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh Cà Mau", ct);
        await seed.StaffAsync("quantri.tinh", province.Id, "admin", ct);
        _messenger = await _journey.AddAsync(MessengerEmulator.StartAsync(cancellationToken: ct));
        var settings = TestHost.WithoutJobServer(_messenger.GatewaySettings());
        settings["Outreach:Profiles:PollIntervalMs"] = "100";
        await _journey.StartAsync(settings, ct, locale: null);
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task MembersWriteOnMessenger_StaffSeeTheirPlatformNames_OrTheirNumberWhenThereIsNone()
    {
        var ct = TestContext.Current.CancellationToken;
        _messenger.SetProfile("7001", "Lan", "Nguyễn Thị");
        _messenger.SetProfile("7003", "Hồng", "Đỗ Thị");
        var webhook = new Uri(_journey.Host.BaseAddress, Outreach.Bot.Channels.Messenger.MessengerWebhookEndpoints.Path);
        await _messenger.SendWebhookAsync(webhook, _messenger.Webhook().Message("7001", "chồng em đang đánh em, cứu em với"), ct);
        await _messenger.SendWebhookAsync(webhook, _messenger.Webhook().Message("7002", "gặp cán bộ"), ct);
        await _messenger.SendWebhookAsync(webhook, _messenger.Webhook().Message("7003", "gặp cán bộ"), ct);
        await WaitUntilAsync("SELECT count(*) FROM contacts WHERE profile_outcome IS NOT NULL", 3, ct);
        await WaitUntilAsync("SELECT count(*) FROM handoffs", 3, ct);
        var unnamed = await ScalarAsync<long>("SELECT id FROM contacts WHERE platform_user_id = '7002'", ct);

        await using var chromium = await SystemChromium.LaunchAsync(_journey.Host.BaseAddress);
        var page = await chromium.Context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsync(page);
        await page.GotoAsync("/staff/handoffs");
        var queue = page.Locator("table.handoffs tbody");
        await Assertions.Expect(queue).ToContainTextAsync("Nguyễn Thị Lan");
        await Assertions.Expect(queue).ToContainTextAsync("Đỗ Thị Hồng");
        await Assertions.Expect(queue).ToContainTextAsync($"Hội viên #{unnamed}");
        await Assertions.Expect(page.Locator("[data-crisis-alerts]")).ToContainTextAsync("Nguyễn Thị Lan");
        await _screenshots.TakeAsync(page, "hang-cho-ho-tro");

        await queue.GetByRole(AriaRole.Link, new() { Name = "Đỗ Thị Hồng" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đỗ Thị Hồng");
        await _screenshots.TakeAsync(page, "cuoc-ho-tro");

        await page.GotoAsync("/staff/members");
        var members = page.GetByRole(AriaRole.Region, new() { Name = "Bảng hội viên" });
        await Assertions.Expect(members.GetByRole(AriaRole.Link, new() { Name = "Nguyễn Thị Lan" })).ToBeVisibleAsync();
        await Assertions.Expect(members.GetByRole(AriaRole.Link, new() { Name = $"Hội viên #{unnamed}" })).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "hoi-vien");
    }

    [Fact]
    public async Task EnglishBrowser_RequiredFieldsEmpty_VietnameseMessageBesideTheField()
    {
        await using var chromium = await SystemChromium.LaunchAsync(_journey.Host.BaseAddress, locale: "en-US");
        var page = await chromium.Context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/staff/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        var username = page.GetByLabel("Tên đăng nhập");
        await Assertions.Expect(page.Locator("#username-loi")).ToHaveTextAsync("Nhập tên đăng nhập.");
        await Assertions.Expect(page.Locator("#password-loi")).ToHaveTextAsync("Nhập mật khẩu.");
        await Assertions.Expect(username).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(username).ToHaveAccessibleDescriptionAsync("Nhập tên đăng nhập.");
        await Assertions.Expect(username).ToBeFocusedAsync();
        // The browser's own check (and its English bubble, "Please fill out this field.") is off for the form.
        Assert.True(await page.Locator("form[action='/staff/login']").EvaluateAsync<bool>("f => f.noValidate"));
        await _screenshots.TakeAsync(page, "dang-nhap-trong");

        await username.FillAsync("quantri.tinh");
        await page.GetByLabel("Mật khẩu").FillAsync(Seed.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/staff/units");
        var name = page.Locator("#name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm đơn vị" }).ClickAsync();
        await Assertions.Expect(name).ToHaveAccessibleDescriptionAsync("Tên đơn vị không được để trống.");
        await Assertions.Expect(name).ToBeFocusedAsync();
        await _screenshots.TakeAsync(page, "don-vi-trong");

        // With the field filled the message goes, and the server takes the form.
        await page.Locator("#level").SelectOptionAsync("xa");
        await name.FillAsync("Xã Tân Hưng Đông");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm đơn vị" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Xã Tân Hưng Đông");
        await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(0);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/staff");
        await ConsoleSignIn.SubmitAsync(page, "quantri.tinh");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var connection = await _journey.Database.DataSource.OpenConnectionAsync(ct);
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, cancellationToken: ct)))!;
    }

    private async Task WaitUntilAsync(string countSql, long expected, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await ScalarAsync<long>(countSql, ct) < expected)
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
