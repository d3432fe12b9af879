using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outreach.Bot.Channels.Messenger;
using Outreach.Content.Stats;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// The reach dashboard in the journey: the province approver gives her province a target before the post goes out, then
/// sees the sent count, the delivered count once the members' phones acknowledge, and the target bar rise. The roll-up job
/// runs every minute; the test runs its method itself (as the job would) instead of waiting for the next minute.
/// </summary>
public sealed partial class StaffPublishesPostTests
{
    private const string Indicator = "health_reached";

    // Target 10 for 15 members reached: the bar stops full at 100% while the words say 150%.
    private async Task SetTargetAsync(IPage page)
    {
        await Menu(page, "Thống kê").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thống kê tiếp cận", Level = 1 })).ToBeVisibleAsync();
        await page.GetByText("Giao hoặc sửa chỉ tiêu").ClickAsync();
        await page.GetByLabel("Chỉ tiêu", new() { Exact = true }).SelectOptionAsync(Indicator);
        await page.GetByLabel("Giá trị chỉ tiêu").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu chỉ tiêu.");
        await Assertions.Expect(TargetBar(page)).ToHaveAttributeAsync("aria-valuenow", "0");
        await Assertions.Expect(TargetBar(page)).ToHaveAttributeAsync("aria-valuetext", "đạt 0,00% so với chỉ tiêu (0/10)");
        await Assertions.Expect(Total(page, "sent")).ToHaveTextAsync("0");
        await _screenshots.TakeAsync(page, "thong-ke-truoc-khi-gui");
    }

    // After the sending: 15 sent, nothing delivered yet; then the receipts arrive and the delivered count and the bar move.
    private async Task SeeReachMoveAsync(IPage page)
    {
        await RollUpAsync();
        await Menu(page, "Thống kê").ClickAsync();
        await Assertions.Expect(Total(page, "sent")).ToHaveTextAsync(Members.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(Total(page, "delivered")).ToHaveTextAsync("0");
        await Assertions.Expect(TargetBar(page)).ToHaveAttributeAsync("aria-valuenow", "0");
        await _screenshots.TakeAsync(page, "thong-ke-da-gui");

        await DeliverAllAsync();
        await RollUpAsync();
        await page.ReloadAsync();

        await Assertions.Expect(Total(page, "delivered")).ToHaveTextAsync(Members.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(TargetBar(page)).ToHaveAttributeAsync("aria-valuenow", "100");
        await Assertions.Expect(TargetBar(page)).ToHaveAttributeAsync("aria-valuetext", "đạt 150,00% so với chỉ tiêu (15/10)");
        await Assertions.Expect(page.Locator($"[data-indicator={Indicator}] .target-percent")).ToHaveTextAsync("150,00%");
        await _screenshots.TakeAsync(page, "thong-ke-da-nhan");
    }

    // Each member's phone acknowledges the message, as Messenger does: one batched webhook naming every mid.
    private async Task DeliverAllAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var webhook = _messenger.Webhook();
        var watermark = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var send in _messenger.Sends.Where(s => s.Accepted && s.Text?.StartsWith(Title, StringComparison.Ordinal) == true))
        {
            webhook.Delivery(send.RecipientId!, [send.MessageId!], watermark);
        }

        using var answer = await _messenger.SendWebhookAsync(new Uri(_journey.Host.BaseAddress, MessengerWebhookEndpoints.Path), webhook, ct);
        Assert.True(answer.IsSuccessStatusCode, $"The gateway refused the receipts: {answer.StatusCode}.");
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        await using var connection = await _journey.Database.DataSource.OpenConnectionAsync(ct);
        while (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM reach_events WHERE kind = 'delivered'") < Members)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The delivery receipts never reached the deliveries.");
            await Task.Delay(100, ct);
        }
    }

    private async Task RollUpAsync() =>
        await ReachSeed.RollUpAllAsync(_journey.Host.Services.GetRequiredService<ReachRollup>(), TestContext.Current.CancellationToken);

    private static ILocator TargetBar(IPage page) => page.Locator($"[data-indicator={Indicator}] [role=progressbar]");

    private static ILocator Total(IPage page, string kind) => page.Locator($"[data-totals] tr[data-kind={kind}] td[data-measure=people]");
}
