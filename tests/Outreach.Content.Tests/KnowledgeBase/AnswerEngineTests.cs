using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.KnowledgeBase;

public sealed class AnswerEngineTests
{
    private static AnswerDecision Ask(KnowledgeSnapshot snapshot, string text, string? province = null) =>
        AnswerEngine.Decide(snapshot, new AnswerRequest(text, province, Packs.Today));

    [Fact]
    public async Task Decide_AccentedWord_ExactEntryOutranksFoldedTwin()
    {
        var snapshot = await Packs.WithEntriesAsync(
            Packs.Entry("against", "phòng chống tác hại thuốc lá", "chống"),
            Packs.Entry("husband", "phòng chồng tác hại thuốc lá", "chồng"));

        Assert.Equal("husband", Ask(snapshot, "phòng chồng tác hại thuốc lá").EntryId);
        Assert.Equal("against", Ask(snapshot, "phòng chống tác hại thuốc lá").EntryId);
    }

    [Fact]
    public async Task Decide_NoAccents_FindsAccentedEntry()
    {
        var snapshot = await Packs.WithEntriesAsync(
            Packs.Entry("loan", "vay vốn ngân hàng chính sách xã hội", "vay"),
            Packs.Entry("card", "mua thẻ bảo hiểm y tế", "thẻ"));

        var decision = Ask(snapshot, "vay von ngan hang chinh sach");

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("loan", decision.EntryId);
    }

    [Fact]
    public async Task Decide_TeencodeAndTypo_FindsEntry()
    {
        var snapshot = await Packs.WithEntriesAsync(
            Packs.Entry("card", "mua thẻ bảo hiểm y tế ở đâu", "thẻ"),
            Packs.Entry("loan", "vay vốn khởi nghiệp", "vay"));

        Assert.Equal("card", Ask(snapshot, "mua bhyt o dau").EntryId);
        Assert.Equal("loan", Ask(snapshot, "vay vonn khoi nghiepp").EntryId);
    }

    [Fact]
    public async Task Decide_TelexLeftovers_FindsEntry()
    {
        var snapshot = await Packs.WithEntriesAsync(Packs.Entry("hello", "xin chào bạn", "Chào chị"), Packs.Entry("loan", "vay vốn", "vay"));

        Assert.Equal("hello", Ask(snapshot, "chaof bajn").EntryId);
    }

    [Fact]
    public async Task Decide_OffTopic_FallbackWithMenu()
    {
        var pack = await Packs.ShippedAsync();
        var snapshot = KnowledgeSnapshot.Build(pack);

        var decision = Ask(snapshot, "công thức nấu lẩu cá kèo");

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Equal(pack.Texts.Get("fallback"), decision.Text);
        Assert.Equal(pack.Texts.Menu, decision.Choices);
    }

    [Fact]
    public async Task Decide_BelowAnswerThreshold_UpToThreeSuggestionsAsEntryPayloads()
    {
        var options = MatchingOptions.Default with { AnswerThreshold = 0.99, SuggestThreshold = 0.05 };
        var snapshot = await Packs.WithEntriesAsync(
            options,
            Packs.Entry("a", "vay vốn nuôi bò sinh sản ở vùng núi", "a"),
            Packs.Entry("b", "vay vốn nuôi heo thịt ở đồng bằng", "b"),
            Packs.Entry("c", "vay vốn mở tiệm may ở thị trấn", "c"),
            Packs.Entry("d", "vay vốn làm nhà vệ sinh", "d"));

        var decision = Ask(snapshot, "vay vốn nuôi gà");

        Assert.Equal(AnswerKind.Suggestions, decision.Kind);
        Assert.Equal(3, decision.Choices.Count);
        Assert.Contains(decision.Choices, c => c.Payload == AnswerPayloads.Entry("a"));
        Assert.All(decision.Choices, c => Assert.StartsWith(AnswerPayloads.EntryPrefix, c.Payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ProvinceOverride_ReplacesNationalEntryOnlyThere()
    {
        var snapshot = await Packs.WithEntriesAsync(
            Packs.Entry("dues", "hội phí đóng bao nhiêu", "hỏi chi hội"),
            Packs.Entry("dues", "hội phí đóng bao nhiêu", "12.000 đồng một năm", province: "tinh-a"));

        Assert.Equal("hỏi chi hội", Ask(snapshot, "hội phí bao nhiêu").Text);
        Assert.Equal("12.000 đồng một năm", Ask(snapshot, "hội phí bao nhiêu", "tinh-a").Text);
        Assert.Equal("hỏi chi hội", Ask(snapshot, "hội phí bao nhiêu", "tinh-b").Text);
    }

    [Fact]
    public async Task Decide_EntryOutsideItsValidity_NotGiven()
    {
        var snapshot = await Packs.WithEntriesAsync(
            Packs.Entry("old", "đề án hỗ trợ khởi nghiệp", "cũ", until: Packs.Today.AddDays(-1)),
            Packs.Entry("new", "đề án hỗ trợ khởi nghiệp", "mới", from: Packs.Today));

        Assert.Equal("new", Ask(snapshot, "đề án hỗ trợ khởi nghiệp").EntryId);
    }

    [Fact]
    public async Task Decide_CrisisAndMatchingEntry_CrisisWinsWithNumberFirst()
    {
        var snapshot = KnowledgeSnapshot.Build(await Packs.ShippedAsync());

        var decision = Ask(snapshot, "chồng em đang đánh em, vay vốn ngân hàng chính sách thế nào");

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.StartsWith("Gọi ngay 113", decision.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_NonAcuteCrisisQuestion_HotlinesThenTheAnswerAsSecondMessage()
    {
        var snapshot = KnowledgeSnapshot.Build(await Packs.ShippedAsync());

        var decision = Ask(snapshot, "bị bạo hành thì báo cho ai");

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Contains("113", decision.Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal("violence-where-to-report", decision.EntryId);
        Assert.Contains("Điều 19", decision.FollowUp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_AcuteCrisis_NoSecondMessage()
    {
        var snapshot = KnowledgeSnapshot.Build(await Packs.ShippedAsync());

        var decision = Ask(snapshot, "chồng đang đánh em, báo tin bạo lực cho ai");

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Null(decision.FollowUp);
    }

    [Fact]
    public async Task AnswerEntry_UnknownId_PoliteNotFound()
    {
        var pack = await Packs.ShippedAsync();

        var decision = AnswerEngine.AnswerEntry(KnowledgeSnapshot.Build(pack), "no-such-entry", null, Packs.Today);

        Assert.Equal(pack.Texts.Get("entry_not_found"), decision.Text);
    }

    [Fact]
    public async Task Decide_ShippedPack_NeverGives18001567AsAViolenceLine()
    {
        var pack = await Packs.ShippedAsync();

        Assert.DoesNotContain(pack.Hotlines, h => h.Number.Replace(" ", "", StringComparison.Ordinal) == "18001567");
        var decision = Ask(KnowledgeSnapshot.Build(pack), "18001567 có phải đường dây nóng bạo lực gia đình");
        Assert.Contains("111", decision.Text, StringComparison.Ordinal);
    }
}
