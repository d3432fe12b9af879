using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Staff.Console.Previews;
using Outreach.Content.Posts;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Bot.Tests.Staff.Console;

public sealed class MessagePreviewerTests
{
    private readonly MessagePreviewer _previewer = new(Options.Create(new ZaloOptions()), BroadcastMessage.Untracked);

    [Fact]
    public void Preview_ShortPost_OneMessagePerChannelWithTitleBodyAndLink()
    {
        var post = Post("Khám miễn phí", "Sáng thứ Bảy tại trạm y tế.", "https://hoi.example.vn/kham", "messenger", "zalo");

        var previews = _previewer.Preview(post);

        Assert.Equal(["messenger", "zalo"], previews.Select(p => p.Channel));
        Assert.All(previews, p =>
        {
            Assert.Equal("Khám miễn phí\n\nSáng thứ Bảy tại trạm y tế.\nhttps://hoi.example.vn/kham", Assert.Single(p.Bubbles).Text);
            Assert.Equal(p.Bubbles[0].Text.Length, p.Characters);
            Assert.False(p.IsSplit);
        });
    }

    [Fact]
    public void Preview_TextOverTwoThousand_MessengerSplitsAtASentenceAndKeepsEveryWord()
    {
        var body = string.Concat(Enumerable.Repeat("Chị em đến khám đúng giờ. ", 80)).Trim();
        var post = Post("Thông báo", body, null, "messenger");

        var preview = _previewer.Preview(post, "messenger");

        Assert.True(preview.IsSplit);
        Assert.Equal(2, preview.Bubbles.Count);
        Assert.All(preview.Bubbles, b => Assert.True(b.Text.Length <= 2000));
        Assert.EndsWith(".", preview.Bubbles[0].Text, StringComparison.Ordinal);
        Assert.Equal(("Thông báo\n\n" + body).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal),
            string.Concat(preview.Bubbles.Select(b => b.Text)).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "",
                StringComparison.Ordinal));
    }

    [Fact]
    public void Preview_Zalo_UsesItsConfiguredTextLimit()
    {
        var previewer = new MessagePreviewer(Options.Create(new ZaloOptions { MaxTextLength = 100 }), BroadcastMessage.Untracked);
        var post = Post("Tiêu đề", string.Concat(Enumerable.Repeat("một hai ba ", 20)).Trim(), null, "zalo");

        var preview = previewer.Preview(post, "zalo");

        Assert.Equal(100, preview.Limit);
        Assert.True(preview.Bubbles.Count >= 3);
        Assert.All(preview.Bubbles, b => Assert.True(b.Text.Length <= 100));
    }

    private static Post Post(string title, string body, string? link, params string[] channels) => new()
    {
        Title = title, Body = body, LinkUrl = link, Topic = "health", AudienceChannels = channels, AudienceUnits = [1],
    };
}
