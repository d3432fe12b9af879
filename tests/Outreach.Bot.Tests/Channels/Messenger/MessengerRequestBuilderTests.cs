using Outreach.Bot.Channels.Messenger;
using Outreach.Scheduler.Sending;
using Outreach.Content.Messages;

namespace Outreach.Bot.Tests.Channels.Messenger;

public sealed class MessengerRequestBuilderTests
{
    [Fact]
    public void Build_BotReply_ResponseTypeNoTagAndQuickRepliesOnIt()
    {
        var plan = MessengerRequestBuilder.Build(Message("Chào chị", quickReplies: [new QuickReply("Vay vốn", "TOPIC_LOAN")]));

        var request = Assert.Single(plan.Requests);
        Assert.Equal(("RESPONSE", null), (request.MessagingType, request.Tag));
        Assert.Equal("Chào chị", request.Message!.Text);
        var reply = Assert.Single(request.Message.QuickReplies!);
        Assert.Equal(("text", "Vay vốn", "TOPIC_LOAN"), (reply.ContentType, reply.Title, reply.Payload));
        Assert.Equal("42", request.Message.Metadata);
    }

    [Fact]
    public void Build_Card_IsAGenericTemplateFirst_TitleCutAt80_ThenTheText()
    {
        var title = new string('T', 95);
        var message = Message("Nội dung bài") with
        {
            Purpose = MessagePurpose.Broadcast,
            Card = new MessageCard(title, null, "https://hoi.example.vn/media/post-images/1/ab", [new MessageButton("Xem chi tiết", "https://hoi.example.vn/r/x", ButtonKind.Url)]),
        };

        var plan = MessengerRequestBuilder.Build(message);

        Assert.Equal(2, plan.Requests.Count);
        var payload = plan.Requests[0].Message!.Attachment!.Payload;
        Assert.Equal("generic", payload.TemplateType);
        var element = Assert.Single(payload.Elements!);
        Assert.Equal(80, element.Title.Length);
        Assert.EndsWith("…", element.Title, StringComparison.Ordinal);
        Assert.Equal("https://hoi.example.vn/media/post-images/1/ab", element.ImageUrl);
        Assert.Equal(("web_url", "https://hoi.example.vn/r/x"), (element.Buttons![0].Type, element.Buttons[0].Url));
        Assert.Equal("Nội dung bài", plan.Requests[1].Message!.Text);
        Assert.Contains(plan.Trimmed, t => t.Contains("card title", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MessagePurpose.HumanAgentReply, "MESSAGE_TAG", "HUMAN_AGENT")]
    [InlineData(MessagePurpose.Broadcast, "UPDATE", null)]
    [InlineData(MessagePurpose.Reply, "RESPONSE", null)]
    public void Build_Purpose_DecidesTypeAndTag(MessagePurpose purpose, string type, string? tag)
    {
        var request = Assert.Single(MessengerRequestBuilder.Build(Message("x") with { Purpose = purpose }).Requests);

        Assert.Equal((type, tag), (request.MessagingType, request.Tag));
    }

    [Fact]
    public void Build_LongText_SplitIntoPartsWithQuickRepliesOnlyOnTheLast()
    {
        var text = string.Join(' ', Enumerable.Repeat("Hội Liên hiệp Phụ nữ", 250));

        var plan = MessengerRequestBuilder.Build(Message(text, quickReplies: [new QuickReply("Có", "YES")]));

        Assert.True(plan.Requests.Count >= 3);
        Assert.All(plan.Requests, r => Assert.InRange(r.Message!.Text!.Length, 1, 2000));
        Assert.All(plan.Requests.SkipLast(1), r => Assert.Null(r.Message!.QuickReplies));
        Assert.NotNull(plan.Requests[^1].Message!.QuickReplies);
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(plan.Requests.Select(r => r.Message!.Text)).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Buttons_TemplateOfAtMostThreeWithTextAtMost640()
    {
        var buttons = new[]
        {
            new MessageButton("Gọi đường dây nóng", "1900969680", ButtonKind.Call), new MessageButton("Xem", "https://hoilhpn.org.vn", ButtonKind.Url),
            new MessageButton("Hỏi tiếp", "MORE"), new MessageButton("Thừa", "EXTRA"),
        };

        var plan = MessengerRequestBuilder.Build(Message(new string('a', 700)) with { Buttons = buttons });

        var template = plan.Requests[^1].Message!.Attachment!;
        Assert.Equal(("template", "button"), (template.Type, template.Payload.TemplateType));
        Assert.InRange(template.Payload.Text!.Length, 1, 640);
        Assert.Equal(["phone_number", "web_url", "postback"], template.Payload.Buttons!.Select(b => b.Type));
        Assert.Contains(plan.Trimmed, t => t.Contains("buttons", StringComparison.Ordinal));
        Assert.Equal(700, plan.Requests.Sum(r => (r.Message!.Text ?? r.Message.Attachment!.Payload.Text)!.Length));
    }

    [Fact]
    public void Build_TooManyQuickRepliesAndLongTitles_TrimmedNotRefused()
    {
        var choices = Enumerable.Range(1, 15).Select(i => new QuickReply($"Lựa chọn rất dài số {i:00}", $"P{i}")).ToList();

        var plan = MessengerRequestBuilder.Build(Message("Chọn", quickReplies: choices));

        var replies = plan.Requests[^1].Message!.QuickReplies!;
        Assert.Equal(13, replies.Count);
        Assert.All(replies, r => Assert.InRange(r.Title.Length, 1, 20));
        Assert.Contains(plan.Trimmed, t => t.Contains("over 13", StringComparison.Ordinal));
        Assert.Contains(plan.Trimmed, t => t.Contains("title", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ImageAfterText_AndEmptyMessageGivesNothing()
    {
        var plan = MessengerRequestBuilder.Build(Message("Ảnh lịch khám") with { ImageUrl = "https://x.vn/a.png" });

        Assert.Equal(2, plan.Requests.Count);
        Assert.Equal(("image", "https://x.vn/a.png"), (plan.Requests[1].Message!.Attachment!.Type, plan.Requests[1].Message!.Attachment!.Payload.Url));
        Assert.Empty(MessengerRequestBuilder.Build(Message("  ")).Requests);
    }

    private static OutboundMessage Message(string text, IReadOnlyList<QuickReply>? quickReplies = null) => new()
    {
        Channel = "messenger", AccountId = "134968929707951", RecipientId = "7689966077685933", Text = text,
        QuickReplies = quickReplies ?? [], Reference = "42",
    };
}
