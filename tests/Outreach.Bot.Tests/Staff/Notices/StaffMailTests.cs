using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Outreach.Bot.Staff.Notices.Mail;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Emulators.Mail;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Notices;

/// <summary>
/// Issue 18.3, outside the console: staff who set their address are mailed (a real SMTP server on loopback, with sign-in) what
/// is new for them since: a crisis alert and a member waiting in their own units, a post to approve, their post returned.
/// Each once, never the member's text, never another unit's; a refused or failed mail is shown to her and tried again.
/// </summary>
public sealed class StaffMailTests(PostgresServer server)
{
    private const string Province = "duyet.tinh@hoiphunu.example.vn";
    private const string WriterA = "bientap.a@hoiphunu.example.vn";
    private const string WriterB = "bientap.b@hoiphunu.example.vn";

    [Fact]
    public async Task CrisisInCommuneA_MailedOnceToItsStaffAndTheProvince_NotToCommuneB_WithoutTheMembersWords()
    {
        await using var mail = await MailServerEmulator.StartAsync();
        await using var world = await StartAsync(mail);
        await SetEmailByApiAsync(world, "duyet.tinh", Province);
        await SetEmailByApiAsync(world, "bientap.b", WriterB);
        using (var writer = await world.SignInAsync("bientap.a"))
        {
            var saved = await writer.PostFormAsync("/staff/notices/email", ("Email", WriterA));
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        }

        await world.OpenHandoffAsync("khan-cap-nguoi-nha", world.CommuneA.Id, crisis: true, lastWrote: TimeSpan.Zero);
        await world.OpenHandoffAsync("can-can-bo", world.CommuneA.Id, lastWrote: TimeSpan.Zero);

        Assert.Equal(2, await RoundAsync(world));
        Assert.Equal(0, await RoundAsync(world));

        var messages = mail.Messages;
        Assert.Equal([WriterA, Province], messages.Select(To).Order(StringComparer.Ordinal));
        foreach (var message in messages)
        {
            Assert.StartsWith("[KHẨN] 1 cảnh báo khẩn cấp mới", message.Subject, StringComparison.Ordinal);
            Assert.Equal(MessagePriority.Urgent, message.Priority);
            Assert.Contains("Hội viên đang chờ cán bộ trả lời:", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("Hội LHPN xã An Bình", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("https://outreach.hoiphunu.example.vn/staff/handoffs", message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("khan-cap-nguoi-nha", message.TextBody, StringComparison.Ordinal);

            // The post submitted before she set her address is not news to her.
            Assert.DoesNotContain(ConsoleWorld.TitleA, message.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReturnedPost_MailedToItsWriterWithTheReason_ItsResubmission_MailedToTheApprovers()
    {
        await using var mail = await MailServerEmulator.StartAsync();
        await using var world = await StartAsync(mail);
        await SetEmailByApiAsync(world, "bientap.a", WriterA);
        await SetEmailByApiAsync(world, "duyet.tinh", Province);
        using var approver = await StaffApiClient.SignInAsync(world.Host.BaseAddress, "duyet.tinh", ct: TestContext.Current.CancellationToken);
        using var writer = await StaffApiClient.SignInAsync(world.Host.BaseAddress, "bientap.a", ct: TestContext.Current.CancellationToken);

        var rejected = await approver.PostAsync($"/staff/api/posts/{world.PostA.Id}/reject", new { note = "Thiếu địa điểm khám" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        Assert.Equal(1, await RoundAsync(world));
        var returned = Assert.Single(mail.Messages);
        Assert.Equal(WriterA, To(returned));
        Assert.Contains("Bài của bạn bị trả lại:", returned.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{ConsoleWorld.TitleA}, lý do: Thiếu địa điểm khám", returned.TextBody, StringComparison.Ordinal);

        var submitted = await writer.PostAsync($"/staff/api/posts/{world.PostA.Id}/submit", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Equal(1, await RoundAsync(world));
        var awaiting = mail.Messages[1];
        Assert.Equal(Province, To(awaiting));
        Assert.Equal("Outreach: 1 việc mới đang chờ bạn", awaiting.Subject);
        Assert.Contains("Bài chờ bạn duyệt:", awaiting.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://outreach.hoiphunu.example.vn/staff/posts/{world.PostA.Id}", awaiting.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedAndFailedMail_ShownToHer_TriedAgain_NothingLost()
    {
        await using var mail = await MailServerEmulator.StartAsync();
        await using var world = await StartAsync(mail);
        await SetEmailByApiAsync(world, "bientap.a", WriterA);
        await SetEmailByApiAsync(world, "duyet.tinh", Province);
        mail.RefuseRecipient(WriterA);
        mail.FailNext(1);
        await world.OpenHandoffAsync("khan-cap", world.CommuneA.Id, crisis: true, lastWrote: TimeSpan.Zero);

        // Both refused: the province's mail by a temporary error (451), commune A's address by the server (550).
        Assert.Equal(0, await RoundAsync(world));
        using var writer = await world.SignInAsync("bientap.a");
        var shown = await writer.GetAsync("/staff/notices");
        Assert.Contains("data-mail-error", shown.Html, StringComparison.Ordinal);
        Assert.Contains("Máy chủ thư không nhận địa chỉ này (550", shown.Text, StringComparison.Ordinal);

        // Tried again (RetryMinutes = 0): the province gets it now; commune A's address is still refused.
        Assert.Equal(1, await RoundAsync(world));
        Assert.Equal(Province, To(Assert.Single(mail.Messages)));

        // She corrects her address: what is new from then on reaches her.
        var corrected = await writer.PostFormAsync("/staff/notices/email", ("Email", "lan.bientap@hoiphunu.example.vn"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        Assert.DoesNotContain("data-mail-error", (await writer.GetAsync("/staff/notices")).Html, StringComparison.Ordinal);
        await world.OpenHandoffAsync("khan-cap-2", world.CommuneA.Id, crisis: true, lastWrote: TimeSpan.Zero);
        Assert.Equal(2, await RoundAsync(world));
        Assert.Contains("lan.bientap@hoiphunu.example.vn", mail.Messages.Select(To));
    }

    [Fact]
    public async Task WrongAddress_RefusedUnderItsField_InTheConsoleAndTheApi_NothingSaved()
    {
        await using var mail = await MailServerEmulator.StartAsync();
        await using var world = await StartAsync(mail);
        using var writer = await world.SignInAsync("bientap.a");
        using var api = await StaffApiClient.SignInAsync(world.Host.BaseAddress, "bientap.a", ct: TestContext.Current.CancellationToken);

        var page = await writer.PostFormAsync("/staff/notices/email", ("Email", "lan@hoiphunu"));
        var json = await api.PutAsync("/staff/api/notices/email", new { email = "Lan <lan@hoiphunu.vn>" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Địa chỉ e-mail chưa đúng", page.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"lan@hoiphunu\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, json.Status);
        Assert.Null(await world.ScalarAsync<string?>("SELECT notify_email FROM staff_users WHERE username = 'bientap.a'"));
    }

    [Fact]
    public async Task ServerWithoutMail_SaysSo_AndRefusesAnAddress()
    {
        await using var world = await ConsoleWorld.StartAsync(server);
        using var writer = await world.SignInAsync("bientap.a");
        using var api = await StaffApiClient.SignInAsync(world.Host.BaseAddress, "bientap.a", ct: TestContext.Current.CancellationToken);

        var page = await writer.GetAsync("/staff/notices");
        var json = await api.PutAsync("/staff/api/notices/email", new { email = WriterA }, TestContext.Current.CancellationToken);

        Assert.Contains("data-mail-unavailable", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, json.Status);
        Assert.Contains("chưa được cấu hình gửi e-mail", json.Body.ToString(), StringComparison.Ordinal);
    }

    private async Task<ConsoleWorld> StartAsync(MailServerEmulator mail)
    {
        var settings = mail.GatewaySettings();
        settings["Outreach:Mail:ConsoleUrl"] = "https://outreach.hoiphunu.example.vn/";
        settings["Outreach:Mail:RetryMinutes"] = "0";

        // The test runs the rounds itself; the host's own loop does one at start and then waits an hour.
        settings["Outreach:Mail:PollSeconds"] = "3600";
        return await ConsoleWorld.StartAsync(server, settings);
    }

    private static async Task SetEmailByApiAsync(ConsoleWorld world, string username, string email)
    {
        using var api = await StaffApiClient.SignInAsync(world.Host.BaseAddress, username, ct: TestContext.Current.CancellationToken);
        var (status, body) = await api.PutAsync("/staff/api/notices/email", new { email }, TestContext.Current.CancellationToken);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal(email, body.GetProperty("email").GetString());
    }

    // One round of the host's own notifier (again while the host's start-up round still holds the lock).
    private static async Task<int> RoundAsync(ConsoleWorld world)
    {
        var notifier = world.Host.Services.GetRequiredService<StaffMailNotifier>();
        while (true)
        {
            if (await notifier.RoundAsync(TestContext.Current.CancellationToken) is { } mailed)
            {
                return mailed;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;
}
