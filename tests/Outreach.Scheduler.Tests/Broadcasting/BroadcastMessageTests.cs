using Microsoft.Extensions.Options;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Content.Stats;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Scheduler.Tests.Broadcasting;

public sealed class BroadcastMessageTests
{
    private static readonly Post Post = new()
    {
        Id = 3, Title = "Khám sàng lọc", Body = "Thứ Bảy tại trạm y tế xã.", LinkUrl = "https://hoilhpn.example/kham", Topic = "health",
        Audience = Audience.Of(["zalo"], [1]),
    };

    private static readonly ClaimedDelivery Delivery = new(77, "zalo", "oa", "user-77");

    [Fact]
    public void Compose_TrackingOn_EachMemberGetsHerOwnSignedLinkInsteadOfThePosts()
    {
        var options = new TrackingOptions { PublicBaseUrl = new Uri("https://outreach.example"), SigningKey = "khoa-ky-lien-ket-thu-nghiem-0123456789" };
        var links = new ClickLinks(Options.Create(options));

        var message = new BroadcastMessage(links).Compose(Post, 12, Delivery);
        var other = new BroadcastMessage(links).Compose(Post, 12, Delivery with { ContactId = 78 });

        Assert.Equal("Khám sàng lọc\n\nThứ Bảy tại trạm y tế xã.\n" + links.LinkFor(12, 77), message.Text);
        Assert.DoesNotContain(Post.LinkUrl!, message.Text, StringComparison.Ordinal);
        Assert.NotEqual(message.Text, other.Text);
        var text = message.Text!;
        Assert.True(links.TryRead(text[(text.LastIndexOf('/') + 1)..], out var broadcast, out var contact));
        Assert.Equal((12, 77), (broadcast, contact));
        Assert.Equal("b12:77", message.Reference);
    }

    [Fact]
    public void Compose_TrackingOffOrNoLink_WritesThePostAsItIs()
    {
        var off = new BroadcastMessage(new ClickLinks(Options.Create(new TrackingOptions())));

        Assert.Equal("Khám sàng lọc\n\nThứ Bảy tại trạm y tế xã.\nhttps://hoilhpn.example/kham", off.Compose(Post, 12, Delivery).Text);
        Assert.Equal("Khám sàng lọc\n\nThứ Bảy tại trạm y tế xã.", BroadcastMessage.Untracked.Compose(Post with { LinkUrl = null }, 12, Delivery).Text);
    }
}
