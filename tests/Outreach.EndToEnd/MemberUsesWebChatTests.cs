using Microsoft.Playwright;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// The trial web chat in Debian's headless chromium, at the address the README gives (<c>/webchat</c>, no trailing slash): a
/// member's crisis message gets its hotline first; a message the gateway refuses (over 2,000 characters) says why and stays in
/// the box instead of showing as sent.
/// </summary>
public sealed class MemberUsesWebChatTests(PostgresServer server) : IAsyncLifetime
{
    private Journey _journey = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        await _journey.StartAsync(TestHost.WithoutJobServer(), ct);
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task AtWebchatWithoutASlash_ACrisisMessage_IsAnsweredWithTheHotlineFirst()
    {
        var page = await _journey.Chromium.Context.NewPageAsync();
        await page.GotoAsync("/webchat");

        await page.GetByLabel("Tin nhắn").FillAsync("chong em dang cam dao doi giet em");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();

        await Assertions.Expect(page.Locator(".msg.me")).ToHaveTextAsync("chong em dang cam dao doi giet em");
        await Assertions.Expect(page.Locator(".msg.bot").First).ToContainTextAsync("113", new() { Timeout = 30_000 });
        Assert.StartsWith("Gọi ngay 113", await page.Locator(".msg.bot").First.TextContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#status")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task AMessageTheGatewayRefuses_SaysWhy_AndStaysInTheBox()
    {
        var page = await _journey.Chromium.Context.NewPageAsync();
        await page.GotoAsync("/webchat");
        var text = new string('a', 2001);

        await page.GetByLabel("Tin nhắn").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Chưa gửi được: Tin nhắn dài quá 2000 ký tự.");
        await Assertions.Expect(page.GetByLabel("Tin nhắn")).ToHaveValueAsync(text);
        await Assertions.Expect(page.Locator(".msg.me")).ToHaveCountAsync(0);
    }
}
