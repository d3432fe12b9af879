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
    [InlineData(CrisisCategory.Poisoning, "115")]
    [InlineData(CrisisCategory.SelfHarm, "115")]
    [InlineData(CrisisCategory.Medical, "115")]
    [InlineData(CrisisCategory.Fire, "114")]
    [InlineData(CrisisCategory.Disaster, "112")]
    [InlineData(CrisisCategory.Child, "111")]
    [InlineData(CrisisCategory.Trafficking, "113")]
    [InlineData(CrisisCategory.Sexual, "113")]
    [InlineData(CrisisCategory.Abuse, "1900 969 680")]
    public async Task Compose_EachCategory_ItsNumberOpensTheReply(CrisisCategory category, string number)
    {
        var lines = await ComposeAsync(false, category);

        Assert.Equal(number, FirstNumber(lines[0]));
        Assert.DoesNotContain(lines, l => l.Contains("1800 1567", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CrisisCategory.Danger)]
    [InlineData(CrisisCategory.Abuse)]
    [InlineData(CrisisCategory.Sexual)]
    [InlineData(CrisisCategory.Child)]
    public async Task Compose_Violence_WomenSupportLineAndDeleteTheWholeConversation(CrisisCategory category)
    {
        var text = string.Join('\n', await ComposeAsync(false, category));

        Assert.Contains("1900 969 680", text, StringComparison.Ordinal);
        Assert.Contains("xóa cả cuộc trò chuyện", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CrisisCategory.Danger)]
    [InlineData(CrisisCategory.SelfHarm)]
    [InlineData(CrisisCategory.Fire)]
    public async Task Compose_NeverPromisesThatStaffAreComing(CrisisCategory category)
    {
        var text = string.Join('\n', await ComposeAsync(false, category));

        Assert.DoesNotContain("đã được báo", text, StringComparison.Ordinal);
        Assert.Contains("khi có thể", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_DangerWithChild_113FirstThen111OnTheFirstLine()
    {
        var lines = await ComposeAsync(false, CrisisCategory.Danger, CrisisCategory.Child);

        Assert.Equal("113", FirstNumber(lines[0]));
        Assert.True(lines[0].IndexOf("111", StringComparison.Ordinal) > lines[0].IndexOf("113", StringComparison.Ordinal));
    }

    private static string? FirstNumber(string line) =>
        System.Text.RegularExpressions.Regex.Match(line, @"\b(111|112|113|114|115|1900 969 680)\b") is { Success: true } m ? m.Value : null;

    [Fact]
    public async Task Compose_InjuryWithDanger_NoRepeatedLineFor113()
    {
        var lines = await ComposeAsync(false, CrisisCategory.Injury, CrisisCategory.Danger);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(lines[0], "113"));
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
    public async Task Compose_English_EnglishFirstLineThenTheVietnamese()
    {
        var lines = await ComposeAsync(true, CrisisCategory.Danger);

        Assert.StartsWith("Call 113", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Gọi ngay 113", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_Fire_NoTrustedAddressesOrViolenceOptions()
    {
        var rules = (await Packs.ShippedAsync()).Crisis;
        var nearby = new Outreach.Content.ContentPacks.CommunityAddress("Nhà bà Hoa", "Tân Hưng", "Thôn 5", "0900 000 001", "xa-tan-hung", null);

        var text = CrisisReply.Compose(rules, new CrisisAssessment([CrisisCategory.Fire], false), [nearby]);

        Assert.DoesNotContain("Nhà bà Hoa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1900 969 680", text, StringComparison.Ordinal);
    }
}
