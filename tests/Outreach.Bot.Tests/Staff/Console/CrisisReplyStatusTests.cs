namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// Issue 18.2: the crisis panel says, per alert, whether the hotline reply reached the member; one that could not be sent is
/// raised first, above newer alerts, as the most urgent item.
/// </summary>
public sealed class CrisisReplyStatusTests(ConsoleWorldFixture fixture) : IClassFixture<ConsoleWorldFixture>
{
    private readonly ConsoleWorld _world = fixture.World;

    [Fact]
    public async Task HotlineReplyNotSent_RaisedFirstAndSaidSo_ASentOneSaysItWasSent()
    {
        var failed = await _world.OpenHandoffAsync("khan-cap-loi", _world.CommuneA.Id, crisis: true, lastWrote: TimeSpan.FromMinutes(30));
        var sent = await _world.OpenHandoffAsync("khan-cap-toi", _world.CommuneA.Id, crisis: true, lastWrote: TimeSpan.FromMinutes(2));
        await ReplyAsync(failed.ContactId, "khan-cap-loi", "failed", TimeSpan.FromMinutes(30));
        await ReplyAsync(sent.ContactId, "khan-cap-toi", "sent", TimeSpan.FromMinutes(2));
        using var editor = await _world.SignInAsync("bientap.a");

        var page = (await editor.GetAsync("/staff/handoffs")).Text;

        Assert.DoesNotContain("Hội viên đã nhận ngay số đường dây nóng", page, StringComparison.Ordinal);
        var failedAt = page.IndexOf($"data-alert-id=\"{failed.AlertId}\"", StringComparison.Ordinal);
        var sentAt = page.IndexOf($"data-alert-id=\"{sent.AlertId}\"", StringComparison.Ordinal);
        Assert.True(failedAt >= 0 && sentAt > failedAt, "The alert whose hotline reply failed is not listed first.");
        var failedItem = page[failedAt..sentAt];
        Assert.Contains("KHÔNG gửi được tới hội viên", failedItem, StringComparison.Ordinal);
        Assert.Contains("data-reply-status=\"failed\"", failedItem, StringComparison.Ordinal);
        Assert.Contains("đã gửi số đường dây nóng", page[sentAt..], StringComparison.Ordinal);
    }

    private Task<int> ReplyAsync(long contactId, string userId, string status, TimeSpan ago) => _world.ScalarAsync<int>(
        """
        WITH r AS (
            INSERT INTO outbound_messages (channel, account_id, recipient_id, contact_id, purpose, body, status, created_at)
            VALUES ('webchat', 'local', @userId, @contactId, 'reply', '{"text":"Gọi 111"}', @status, now() - @ago)
            RETURNING 1)
        SELECT count(*)::int FROM r
        """,
        new { contactId, userId, status, ago });
}
