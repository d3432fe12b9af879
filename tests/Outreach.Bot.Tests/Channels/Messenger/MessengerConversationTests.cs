using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Core;
using Outreach.Emulators.Messenger;
using Outreach.Testing;
using Outreach.Content.Messages;
using Outreach.Bot.Inbox;

namespace Outreach.Bot.Tests.Channels.Messenger;

/// <summary>End to end over loopback: a signed webhook from the emulator → inbox → turn → outbox → Send API at the emulator.</summary>
public sealed class MessengerConversationTests(PostgresServer server) : MessengerGatewayTest(server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MemberWrites_BotReplyReachesHerAsAResponseWithChoices()
    {
        await using var host = await StartGatewayAsync();

        using var ack = await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("1001", "Chào Hội"), Ct);
        var reply = await Emulator.WaitForSendAsync(s => s.RecipientId == "1001", Patience, Ct);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(reply.Accepted);
        Assert.Contains("Hội LHPN", reply.Text, StringComparison.Ordinal);
        Assert.Equal(("RESPONSE", null), (reply.MessagingType, reply.Tag));
        Assert.Equal(3, reply.QuickReplies.Count);
        await WaitUntilAsync(async () => await ReplyStatusAsync() == "sent", "reply recorded as sent");
        Assert.Equal(reply.Metadata, (await ScalarAsync<long>("SELECT id FROM outbound_messages")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(reply.MessageId, await ScalarAsync<string>("SELECT platform_message_ids[1] FROM outbound_messages"));
    }

    [Fact]
    public async Task VietnameseVector_SignedAsMetaSendsIt_IsAnswered()
    {
        await using var host = await StartGatewayAsync();
        Emulator.UserInteracted("7689966077685933");

        using var ack = await Emulator.PostWebhookAsync(WebhookOf(host), TestData.Text("vietnamese-vector.json"), Ct);
        var reply = await Emulator.WaitForSendAsync(s => s.RecipientId == "7689966077685933", Patience, Ct);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(reply.Accepted);
    }

    [Fact]
    public async Task BatchedEntriesFromTwoMembers_BothAnswered_ReplayedBatchAddsNothing()
    {
        await using var host = await StartGatewayAsync();
        var webhook = Emulator.Webhook().Message("2001", "Hỏi vay vốn").NextEntry().Postback("2002", "Khám sàng lọc", "TOPIC_HEALTH");
        foreach (var (psid, at) in webhook.Interactions)
        {
            Emulator.UserInteracted(psid, at);
        }

        var (first, replay) = await Emulator.PostAndReplayAsync(WebhookOf(host), webhook.Build(), Ct);
        await Emulator.WaitForSendAsync(s => s.RecipientId == "2001", Patience, Ct);
        await Emulator.WaitForSendAsync(s => s.RecipientId == "2002", Patience, Ct);
        await WaitUntilInboxSettledAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal(2, await ScalarAsync<long>("SELECT count(*) FROM inbox_events"));
        Assert.Equal(2, await ScalarAsync<long>("SELECT count(*) FROM outbound_messages"));
        Assert.Equal(2, Emulator.Sends.Count);
    }

    [Fact]
    public async Task EventsArriveOutOfOrder_TurnsRunInTimestampOrder()
    {
        await using var host = await StartGatewayAsync(configure: b => b.Services.AddSingleton<IBot>(new EchoBot()));
        var webhook = Emulator.Webhook().Message("3001", "một").Message("3001", "hai").Message("3001", "ba").OutOfOrder();

        await Emulator.SendWebhookAsync(WebhookOf(host), webhook, Ct);
        await Emulator.WaitForSendAsync(s => s.Text == "đã nhận: ba", Patience, Ct);

        Assert.Equal(["đã nhận: một", "đã nhận: hai", "đã nhận: ba"], Emulator.Sends.Select(s => s.Text));
    }

    [Fact]
    public async Task HostDiesBetweenAckAndTurn_NextHostAnswers()
    {
        await using (var acking = await StartGatewayAsync(new Dictionary<string, string?> { ["Outreach:Inbox:RunWorkers"] = "false" }))
        {
            using var ack = await Emulator.SendWebhookAsync(WebhookOf(acking), Emulator.Webhook().Message("4001", "Cứu tôi với"), Ct);
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        Assert.Empty(Emulator.Sends);
        await using var next = await StartGatewayAsync();

        var reply = await Emulator.WaitForSendAsync(s => s.RecipientId == "4001", Patience, Ct);

        Assert.True(reply.Accepted);
    }

    [Fact]
    public async Task ReceiptsOutOfOrder_StatusOnlyMovesForward()
    {
        await using var host = await StartGatewayAsync();
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("5001", "Chào"), Ct);
        var reply = await Emulator.WaitForSendAsync(s => s.RecipientId == "5001", Patience, Ct);
        await WaitUntilAsync(async () => await ReplyStatusAsync() == "sent", "sent");
        var later = Clock.GetUtcNow().AddMinutes(1).ToUnixTimeMilliseconds();

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Read("5001", later), Ct);
        await WaitUntilAsync(async () => await ReplyStatusAsync() == "read", "read");
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Delivery("5001", [reply.MessageId!], later), Ct);
        await WaitUntilInboxSettledAsync();

        Assert.Equal("read", await ScalarAsync<string>("SELECT status FROM outbound_messages"));
        Assert.Equal(1, await ScalarAsync<long>("SELECT count(*) FROM outbound_messages WHERE delivered_at IS NOT NULL AND read_at IS NOT NULL"));
    }

    [Fact]
    public async Task DeliveryReceipt_NamesOurMid_MarksTheReplyDelivered()
    {
        await using var host = await StartGatewayAsync();
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("5101", "Chào"), Ct);
        var reply = await Emulator.WaitForSendAsync(s => s.RecipientId == "5101", Patience, Ct);
        await WaitUntilAsync(async () => await ReplyStatusAsync() == "sent", "sent");

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Delivery("5101", [reply.MessageId!], 1), Ct);

        await WaitUntilAsync(async () => await ReplyStatusAsync() == "delivered", "delivered");
    }

    [Fact]
    public async Task MemberLastWrote25HoursAgo_ReplyRefusedOnceAndNotRetried()
    {
        await using var host = await StartGatewayAsync();
        var old = Clock.GetUtcNow().AddHours(-25).ToUnixTimeMilliseconds();

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("6001", "Tin nhắn cũ", timestamp: old), Ct);
        await WaitUntilAsync(async () => await ReplyStatusAsync() == "failed", "failed");

        Assert.Equal("10/2018278", await ScalarAsync<string>("SELECT error_code FROM outbound_messages"));
        Assert.Single(Emulator.Sends);
    }

    [Fact]
    public async Task PageRateLimited_ReplyWaitsAndIsSentLater()
    {
        await using var host = await StartGatewayAsync();
        Emulator.FailNextSend(MessengerGraphErrors.CallRateLimit(), headers: new Dictionary<string, string> { ["Retry-After"] = "1" });

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("7001", "Chào"), Ct);
        await WaitUntilAsync(async () => await ReplyStatusAsync() == "sent", "sent after the limit");

        Assert.Equal([400, 200], Emulator.Sends.Select(s => s.Request.ResponseStatus));
        Assert.Equal(2, await ScalarAsync<int>("SELECT attempts FROM outbound_messages"));
    }

    [Fact]
    public async Task EchoOfOurReply_NoSecondTurn()
    {
        await using var host = await StartGatewayAsync();
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("8001", "Chào"), Ct);
        var reply = await Emulator.WaitForSendAsync(s => s.RecipientId == "8001", Patience, Ct);

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Echo("8001", reply.Text!, metadata: reply.Metadata, mid: reply.MessageId), Ct);
        await WaitUntilInboxSettledAsync();

        Assert.Equal("ignored", await ScalarAsync<string>("SELECT status FROM inbox_events WHERE kind = 'echo'"));
        Assert.Single(Emulator.Sends);
    }

    [Fact]
    public async Task StaffReplyAfter25Hours_SentWithHumanAgentTag()
    {
        await using var host = await StartGatewayAsync();
        Emulator.HumanAgentApproved = true;
        Emulator.UserInteracted("9001");
        Clock.Advance(TimeSpan.FromHours(25));
        var adapter = host.Services.GetRequiredService<InboxAdapter>();

        await adapter.ContinueConversationAsync(
            new ConversationReference(MessengerChannel.Name, Emulator.PageId, "9001"),
            (turn, ct) => turn.SendActivityAsync(
                new Activity
                {
                    Type = ActivityTypes.Message, ChannelId = MessengerChannel.Name, From = turn.Activity.Recipient, Recipient = turn.Activity.From,
                    Text = "Cán bộ Hội đây, chị cần gì ạ?", Purpose = MessagePurpose.HumanAgentReply,
                },
                ct),
            Ct);
        var sent = await Emulator.WaitForSendAsync(s => s.RecipientId == "9001", Patience, Ct);

        Assert.True(sent.Accepted);
        Assert.Equal(("MESSAGE_TAG", "HUMAN_AGENT"), (sent.MessagingType, sent.Tag));
    }

    private sealed class EchoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            turnContext.Activity.IsMessage()
                ? turnContext.SendActivityAsync("đã nhận: " + turnContext.Activity.Text, cancellationToken: cancellationToken)
                : Task.CompletedTask;
    }
}
