using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;
using Outreach.Content.Knowledge;
using Outreach.Testing;

namespace Outreach.Content.Tests.ContentPacks;

/// <summary>
/// crisis-*.yaml files beside crisis.yaml are merged into it: a group of the same name gets their words, new groups and
/// rules are added, and a rule naming a group no file has is refused naming the file it is in.
/// </summary>
public sealed class CrisisFilesMergeTests
{
    // Words no crisis file holds: the merge alone can make them count.
    private const string Message = "bà cụ nhà bên gõ mõ cầu hồn suốt đêm";

    [Fact]
    public async Task ReadAsync_GroupExtendedInAFurtherFile_ItsWordsCount()
    {
        using var folder = new ContentPackCopy();
        var ct = TestContext.Current.CancellationToken;
        var before = new CrisisDetector((await ContentPackReader.ReadAsync(folder.Path, ct)).Crisis).Assess(Message);
        folder.Write("crisis-zz-test.yaml", "groups:\n  self_harm: [gõ mõ cầu hồn, tự tử]\n");

        var pack = await ContentPackReader.ReadAsync(folder.Path, ct);
        var after = new CrisisDetector(pack.Crisis).Assess(Message);

        Assert.Empty(before.Categories);
        Assert.Contains(CrisisCategory.SelfHarm, after.Categories);
        Assert.Single(pack.Crisis.Groups["self_harm"], "tự tử");                 // a word already there is not doubled
        Assert.Contains("muốn chết", pack.Crisis.Groups["self_harm"]);           // and crisis.yaml's words stay
    }

    [Fact]
    public async Task ReadAsync_NewGroupAndRuleInAFurtherFile_RuleFires()
    {
        using var folder = new ContentPackCopy();
        folder.Write("crisis-zz-test.yaml", "groups:\n  bell: [gõ mõ]\n  soul: [cầu hồn]\nrules:\n  - { category: medical, all: [bell, soul, habit] }\n");

        var pack = await ContentPackReader.ReadAsync(folder.Path, TestContext.Current.CancellationToken);

        Assert.Equal([CrisisCategory.Medical], new CrisisDetector(pack.Crisis).Assess(Message).Categories);
    }

    [Fact]
    public async Task ReadAsync_LeadInAFurtherFile_Appended()
    {
        using var folder = new ContentPackCopy();
        var ct = TestContext.Current.CancellationToken;
        var before = (await ContentPackReader.ReadAsync(folder.Path, ct)).Crisis.Leads?.Count ?? 0;
        folder.Write("crisis-zz-test.yaml", "leads:\n  - { first: fire, over: [medical], none: [past] }\n");

        var leads = (await ContentPackReader.ReadAsync(folder.Path, ct)).Crisis.Leads!;

        Assert.Equal(before + 1, leads.Count);
        Assert.Equal(CrisisCategory.Fire, leads[^1].First);
        Assert.Equal([CrisisCategory.Medical], leads[^1].Over);
        Assert.Equal(["past"], leads[^1].None);
    }

    [Theory]
    [InlineData("rules:\n  - { category: medical, all: [collapse, no_such_group] }\n", "Tệp crisis-zz-test.yaml: luật 'medical' dùng nhóm 'no_such_group'")]
    [InlineData("rules:\n  - { category: picnic, all: [collapse] }\n", "Tệp crisis-zz-test.yaml: loại 'picnic'")]
    [InlineData("frames:\n  nowhere_group: { before: [self] }\n", "Tệp crisis-zz-test.yaml, mục frames: nhóm 'nowhere_group'")]
    [InlineData("replies:\n  medical: \"Gọi 115\"\n", "Tệp crisis-zz-test.yaml: chỉ được có groups")]
    [InlineData("leads:\n  - { first: child, over: [picnic] }\n", "Tệp crisis-zz-test.yaml, mục leads: loại 'picnic'")]
    [InlineData("leads:\n  - { first: child, over: [danger], none: [no_such_group] }\n", "Tệp crisis-zz-test.yaml, mục leads: 'child' cần over, và nhóm 'no_such_group'")]
    [InlineData("groups:\n  x: [unclosed\n", "crisis-zz-test.yaml, dòng")]
    [InlineData("groups:\n  bell: [gõ mõ]\n  soul: [cầu hồn]\n  bell: [chuông]\n", "không đọc được (tên 'bell' có hai lần trong cùng một mục")]
    public async Task ReadAsync_BadFurtherFile_RefusedNamingThatFile(string yaml, string expected)
    {
        using var folder = new ContentPackCopy();
        folder.Write("crisis-zz-test.yaml", yaml);

        var error = await Assert.ThrowsAsync<ContentPackException>(() => ContentPackReader.ReadAsync(folder.Path, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportedPack_ReadBack_KeepsTheFurtherCrisisFiles()
    {
        var shipped = await ContentPackReader.ReadAsync(ContentPackCopy.ShippedDirectory, TestContext.Current.CancellationToken);
        var export = new KnowledgeExport([], [], [], [], new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));

        var zip = KnowledgePackFiles.Write(export, ContentPackCopy.ShippedDirectory);
        using var stream = new MemoryStream(zip);
        var imported = KnowledgePackFiles.Read(stream);

        Assert.Contains("affairs", imported.Crisis.Groups.Keys);                 // a group only crisis-selfharm.yaml has
        Assert.Equal(shipped.Crisis.Rules.Count, imported.Crisis.Rules.Count);
    }
}
