using Microsoft.Extensions.Options;
using Outreach.Bot.Channels;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Staff.Console.Previews;
using Outreach.Content.Posts;
using Outreach.Scheduler.Broadcasting;
using Outreach.Scheduler.Sending;
using Outreach.Content.Broadcasts;

namespace Outreach.Bot.Tests.Staff.Console;

public sealed class MessagePreviewerTests
{
    private readonly MessagePreviewer _previewer = Previewer(new ZaloOptions());

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
        var previewer = Previewer(new ZaloOptions { MaxTextLength = 100 });
        var post = Post("Tiêu đề", string.Concat(Enumerable.Repeat("một hai ba ", 20)).Trim(), null, "zalo");

        var preview = previewer.Preview(post, "zalo");

        Assert.Equal(100, preview.Limit);
        Assert.True(preview.Bubbles.Count >= 3);
        Assert.All(preview.Bubbles, b => Assert.True(b.Text.Length <= 100));
    }

    private static readonly IOptions<BroadcastOptions> Broadcasts = Options.Create(new BroadcastOptions());

    // The real channels' previews; their senders are never called.
    private static MessagePreviewer Previewer(ZaloOptions zalo) => new(
        new ChannelRegistry(
            [new MessengerChannel(Options.Create(new MessengerOptions()), Broadcasts), new ZaloChannel(Options.Create(zalo), Broadcasts)],
            [new UnusedSender(MessengerChannel.Name), new UnusedSender(ZaloChannel.Name)]),
        BroadcastMessage.Untracked);

    private static Post Post(string title, string body, string? link, params string[] channels) => new()
    {
        Title = title, Body = body, LinkUrl = link, Topic = "health", Audience = Audience.Of(channels, [1]),
    };

    private sealed class UnusedSender(string channel) : IChannelSender
    {
        public string Channel => channel;

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A preview never sends.");
    }
}
