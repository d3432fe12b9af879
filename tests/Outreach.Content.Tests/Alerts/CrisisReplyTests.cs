using Outreach.Content.Alerts;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

public sealed class CrisisReplyTests
{
    private static async Task<string[]> ComposeAsync(bool english, params CrisisCategory[] categories) =>
        CrisisReply.Compose((await Packs.ShippedAsync()).Crisis, new CrisisAssessment(categories, english)).Split('\n');

    [Theory]
    [InlineData(CrisisCategory.Danger, "113")]
    [InlineData(CrisisCategory.Injury, "115")]
    [InlineData(CrisisCategory.SelfHarm, "115")]
    [InlineData(CrisisCategory.Child, "111")]
    [InlineData(CrisisCategory.Trafficking, "113")]
    [InlineData(CrisisCategory.Abuse, "113")]
    public async Task Compose_EachCategory_NumberInFirstLine(CrisisCategory category, string number)
    {
        var lines = await ComposeAsync(false, category);

        Assert.Contains(number, lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("1900 969 680", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("1800 1567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compose_DangerWithChild_113FirstThen111()
    {
        var lines = await ComposeAsync(false, CrisisCategory.Danger, CrisisCategory.Child);

        Assert.Contains("113", lines[0], StringComparison.Ordinal);
        Assert.Contains("111", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_InjuryWithDanger_NoRepeatedLineFor113()
    {
        var lines = await ComposeAsync(false, CrisisCategory.Injury, CrisisCategory.Danger);

        Assert.Equal(1, lines.Count(l => l.Contains("113", StringComparison.Ordinal) && !l.StartsWith('•')));
    }

    [Fact]
    public async Task Compose_NearbyTrustedAddress_ListedAfterTheOptions()
    {
        var rules = (await Packs.ShippedAsync()).Crisis;
        var nearby = new Outreach.Content.ContentPacks.CommunityAddress("Nhà bà Hoa", "Tân Hưng", "Thôn 5", "0900 000 001", "xa-tan-hung", null);

        var lines = CrisisReply.Compose(rules, new CrisisAssessment([CrisisCategory.Abuse], false), [nearby]).Split('\n');

        Assert.Contains("113", lines[0], StringComparison.Ordinal);
        Assert.Equal("Địa chỉ tin cậy gần chị: Nhà bà Hoa, Thôn 5, 0900 000 001", lines[^1]);
    }

    [Fact]
    public async Task Compose_English_EnglishLineAfterTheNumber()
    {
        var lines = await ComposeAsync(true, CrisisCategory.Danger);

        Assert.Contains("113", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("If you are in danger", lines[1], StringComparison.Ordinal);
    }
}
