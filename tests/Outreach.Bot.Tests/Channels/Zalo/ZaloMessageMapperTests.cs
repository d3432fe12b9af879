using Outreach.Bot.Channels.Zalo;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Tests.Channels.Zalo;

public sealed class ZaloMessageMapperTests
{
    private static readonly ZaloOptions Options = new() { MaxTextLength = 2000 };

    [Fact]
    public void ToRequests_QuickRepliesAndButtons_NumberedLinesWithPromptThenLinks()
    {
        var message = Message("Chị cần hỏi gì ạ?") with
        {
            QuickReplies = [new QuickReply("Vay vốn", "TOPIC_LOAN"), new QuickReply("Khám sàng lọc", "TOPIC_HEALTH")],
            Buttons = [new MessageButton("Bạo lực gia đình", "TOPIC_VIOLENCE"), new MessageButton("Gọi đường dây nóng", "1900969680", ButtonKind.Call),
                new MessageButton("Trang Hội", "https://hoiphunu.example", ButtonKind.Url)],
        };

        var request = Assert.Single(ZaloMessageMapper.ToRequests(message, Options));

        Assert.Equal(
            "Chị cần hỏi gì ạ?\n\n1. Vay vốn\n2. Khám sàng lọc\n3. Bạo lực gia đình\n" + Options.ChoicePrompt +
            "\n\nGọi đường dây nóng: 1900969680\nTrang Hội: https://hoiphunu.example",
            request.Message.Text);
        Assert.Equal("member-1", request.Recipient.UserId);
        Assert.Null(request.Message.Attachment);
    }

    [Fact]
    public void ToRequests_PlainText_SentAsIs() =>
        Assert.Equal("Dạ, em ghi nhận.", Assert.Single(ZaloMessageMapper.ToRequests(Message("Dạ, em ghi nhận."), Options)).Message.Text);

    [Fact]
    public void ToRequests_Image_GoesFirstAsMediaTemplate()
    {
        var requests = ZaloMessageMapper.ToRequests(Message("Lịch khám") with { ImageUrl = "https://cdn.example/lich.jpg" }, Options);

        Assert.Equal(2, requests.Count);
        var image = requests[0].Message.Attachment!;
        Assert.Equal(("template", "media"), (image.Type, image.Payload.TemplateType));
        Assert.Equal(("image", "https://cdn.example/lich.jpg"), (image.Payload.Elements[0].MediaType, image.Payload.Elements[0].Url));
        Assert.Equal("Lịch khám", requests[1].Message.Text);
    }

    [Fact]
    public void ToRequests_Empty_NoRequest() => Assert.Empty(ZaloMessageMapper.ToRequests(Message("  "), Options));

    [Fact]
    public void Split_LongText_PartsWithinLimitCutAtLineBreaksAndNothingLost()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Hội Liên hiệp Phụ nữ hỗ trợ chị.", 20));
        var text = string.Join('\n', Enumerable.Repeat(paragraph, 8));

        var parts = ZaloMessageMapper.Split(text, 2000);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 2000));
        Assert.All(parts.SkipLast(1), p => Assert.EndsWith("chị.", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
            string.Concat(parts).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_NoSpaces_HardCutNeverSplitsASurrogatePair()
    {
        var text = new string('a', 9) + "😀" + new string('b', 5);

        var parts = ZaloMessageMapper.Split(text, 10);

        Assert.Equal([new string('a', 9), "😀" + new string('b', 5)], parts);
    }

    private static OutboundMessage Message(string text) => new()
    {
        Channel = "zalo", AccountId = "388613280878808645", RecipientId = "member-1", Text = text,
    };
}
