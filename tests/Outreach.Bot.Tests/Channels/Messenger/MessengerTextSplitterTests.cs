using Outreach.Bot.Channels.Messenger;

namespace Outreach.Bot.Tests.Channels.Messenger;

public sealed class MessengerTextSplitterTests
{
    [Fact]
    public void Split_ShortText_OnePart()
    {
        Assert.Equal(["Xin chào"], MessengerTextSplitter.Split("  Xin chào "));
    }

    [Fact]
    public void Split_AtParagraphBoundaryNearTheLimit()
    {
        var first = new string('a', 1500);
        var second = new string('b', 1000);

        Assert.Equal([first, second], MessengerTextSplitter.Split(first + "\n\n" + second));
    }

    [Fact]
    public void Split_NoBoundary_HardCutNeverSplitsAnEmoji()
    {
        var text = new string('a', 1999) + "😢" + new string('b', 10);

        var parts = MessengerTextSplitter.Split(text);

        Assert.Equal(1999, parts[0].Length);
        Assert.StartsWith("😢", parts[1], StringComparison.Ordinal);
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_EveryPartWithinTheLimit()
    {
        var text = string.Join(". ", Enumerable.Repeat("Chị em phụ nữ được vay vốn ưu đãi", 300));

        Assert.All(MessengerTextSplitter.Split(text, 640), p => Assert.InRange(p.Length, 1, 640));
    }
}
