using Outreach.Content.ContentPacks;
using Outreach.Testing;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.ContentPacks;

public sealed class ContentPackReaderTests
{
    [Fact]
    public async Task ReadAsync_ShippedPack_EntriesHotlinesAndProvinces()
    {
        var pack = await ContentPackReader.ReadAsync(Packs.ShippedDirectory, TestContext.Current.CancellationToken);

        Assert.True(pack.Entries.Count >= 50);
        Assert.Contains(pack.Hotlines, h => h.Number == "1900 969 680");
        Assert.Contains(pack.Entries, e => e.Province == "binh-phuoc");
        Assert.All(pack.Entries, e => Assert.NotEmpty(e.Questions));
        Assert.Equal(64, pack.Hash.Length);
    }

    [Fact]
    public async Task ReadAsync_SameFiles_SameHash()
    {
        using var folder = new ContentPackCopy();
        var ct = TestContext.Current.CancellationToken;

        var first = await ContentPackReader.ReadAsync(folder.Path, ct);
        var second = await ContentPackReader.ReadAsync(folder.Path, ct);
        folder.Write("faq/extra.yaml", "- { id: extra, topic: t, title: t, questions: [q], answer: a }");
        var changed = await ContentPackReader.ReadAsync(folder.Path, ct);

        Assert.Equal(first.Hash, second.Hash);
        Assert.NotEqual(first.Hash, changed.Hash);
    }

    [Theory]
    [InlineData("faq/bad.yaml", "- id: x\n  topic: [unclosed\n", "faq/bad.yaml, dòng")]
    [InlineData("faq/bad.yaml", "- { id: no-answer, topic: t, title: t, questions: [q] }", "'no-answer': thiếu answer")]
    [InlineData("faq/bad.yaml", "- { id: no-question, topic: t, title: t, questions: [], answer: a }", "'no-question': cần ít nhất một câu hỏi")]
    [InlineData("faq/bad.yaml", "- { id: typo, topic: t, title: t, questions: [q], answer: a, anwser: b }", "faq/bad.yaml, dòng 1")]
    [InlineData("faq/bad.yaml", "- { id: date, topic: t, title: t, questions: [q], answer: a, valid_from: 1/7/2025 }", "valid_from '1/7/2025'")]
    [InlineData("faq/bad.yaml", "- { id: act, topic: t, title: t, questions: [q], answer: a, action: dance }", "action 'dance'")]
    [InlineData("faq/dup.yaml", "- { id: policy-938, topic: t, title: t, questions: [q], answer: a }", "'policy-938' xuất hiện hai lần")]
    public async Task ReadAsync_BadFile_RefusedWithFileAndReason(string path, string yaml, string expected)
    {
        using var folder = new ContentPackCopy();
        folder.Write(path, yaml);

        var error = await Assert.ThrowsAsync<ContentPackException>(() => ContentPackReader.ReadAsync(folder.Path, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TextsMissingAKey_Refused()
    {
        using var folder = new ContentPackCopy();
        folder.Write("texts.yaml", "greeting: chào\n");

        var error = await Assert.ThrowsAsync<ContentPackException>(() => ContentPackReader.ReadAsync(folder.Path, TestContext.Current.CancellationToken));

        Assert.Contains("fallback", error.Message, StringComparison.Ordinal);
    }
}
