using Outreach.Content.Broadcasts;
using Outreach.Testing;

namespace Outreach.Content.Tests.Broadcasts;

public sealed class AudienceTests
{
    [Fact]
    public void Problems_NoChannelAndNoUnit_NamesBothFieldsWithTheServedChannels()
    {
        var problems = Audience.Of([], []).Problems(TestChannels.Catalog());

        Assert.Equal("Chọn ít nhất một kênh: messenger, zalo (hoặc webchat khi thử).", Assert.Single(problems[Audience.ChannelsField]));
        Assert.Equal("Chọn ít nhất một đơn vị nhận tin.", Assert.Single(problems[Audience.UnitsField]));
    }

    [Fact]
    public void Problems_ChannelThisInstallationDoesNotServe_IsRefused()
    {
        var problems = Audience.Of(["zalo", "fax"], [1]).Problems(TestChannels.Catalog());

        Assert.Equal([Audience.ChannelsField], problems.Keys);
    }

    [Fact]
    public void Of_DropsDuplicates()
    {
        var audience = Audience.Of(["zalo", "zalo", "messenger"], [3, 3]);

        Assert.Equal(["zalo", "messenger"], audience.Channels);
        Assert.Equal([3L], audience.Units);
        Assert.Empty(audience.Problems(TestChannels.Catalog()));
    }
}
