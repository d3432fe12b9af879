using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;
using Outreach.Testing;

namespace Outreach.Content.Tests.ContentPacks;

/// <summary>
/// The learned second opinion's gates live in the pack (crisis-gates.yaml), read and checked by the pack reader: a gate
/// naming a group no crisis file has is refused naming the file, and the detector's policy is the pack's.
/// </summary>
public sealed class CrisisGatesFileTests
{
    // The 111 gate's groups before round 16, named in C#: a child named only by crisis-together.yaml's words was not among them.
    private static readonly string[] GroupsBeforeRound16 = ["child", "minor", "newborn", "school_staff", "school_grade"];

    // A child named only by words of crisis-together.yaml's t15_kid ("lũ nhỏ", "tụi nhỏ", "nhóc"): the 111 gate opens.
    [Theory]
    [InlineData("lũ nhỏ nhà trọ kế bên tối nào cũng ngồi ngoài hành lang tới khuya")]
    [InlineData("bọn nhỏ xóm trên dạo này ốm nhom, chiều nào cũng phải ra đồng")]
    [InlineData("nhóc nhà bên sáng nay đi học mặt mũi bầm tím")]
    public async Task ShippedGates_ChildNamedOnlyByTogetherWords_The111GateOpens(string text)
    {
        var pack = await ContentPackReader.ReadAsync(ContentPackCopy.ShippedDirectory, TestContext.Current.CancellationToken);
        var rules = new CrisisDetector(pack.Crisis);

        var cues = rules.AssessByRules(text).Cues;

        Assert.Contains("t15_kid", cues);
        Assert.DoesNotContain(cues, GroupsBeforeRound16.Contains);
        Assert.Equal(rules.Policy.Gates.Single(g => g.Number == "111").Threshold, rules.Policy.ThresholdFor("111", cues));
        Assert.True(rules.Policy.ThresholdFor("111", cues) < CrisisClassifier.DefaultThreshold);
        Assert.Equal(CrisisClassifier.DefaultThreshold, rules.Policy.ThresholdFor("113", cues));
    }

    [Fact]
    public async Task ReadAsync_GatesFile_IsThePolicyOfTheDetector_NotACrisisRuleFile()
    {
        using var folder = new ContentPackCopy();
        folder.Write(ContentPackReader.GatesFile, "gates:\n  - { first: \"114\", threshold: 0.55, groups: [fire_sign, burnt_smell] }\n");

        var pack = await ContentPackReader.ReadAsync(folder.Path, TestContext.Current.CancellationToken);
        var policy = new CrisisDetector(pack.Crisis).Policy;

        var gate = Assert.Single(policy.Gates);
        Assert.Equal(("114", 0.55f), (gate.Number, gate.Threshold));
        Assert.Equal(["fire_sign", "burnt_smell"], gate.Groups);
        Assert.Equal(0.55f, policy.ThresholdFor("114", ["burnt_smell"]));
        Assert.Equal(CrisisClassifier.DefaultThreshold, policy.ThresholdFor("111", ["child"]));
    }

    [Fact]
    public async Task ReadAsync_NoGatesFile_NoGate()
    {
        using var folder = new ContentPackCopy();
        File.Delete(Path.Combine(folder.Path, ContentPackReader.GatesFile));

        var pack = await ContentPackReader.ReadAsync(folder.Path, TestContext.Current.CancellationToken);

        Assert.Empty(CrisisPolicy.Of(pack.Crisis).Gates);
        Assert.Equal(CrisisClassifier.DefaultThreshold, CrisisPolicy.Of(pack.Crisis).ThresholdFor("111", ["child"]));
    }

    [Theory]
    [InlineData("gates:\n  - { first: \"111\", threshold: 0.5, groups: [child, t15_kidd] }\n", "Tệp crisis-gates.yaml: cổng '111' dùng nhóm 't15_kidd' không có trong groups")]
    [InlineData("gates:\n  - { first: \"1900\", threshold: 0.5, groups: [child] }\n", "Tệp crisis-gates.yaml: cổng '1900' phải mở cho một số đầu")]
    [InlineData("gates:\n  - { first: \"111\", threshold: 0, groups: [child] }\n", "Tệp crisis-gates.yaml: cổng '111' cần threshold")]
    [InlineData("gates:\n  - { first: \"111\", threshold: 1.5, groups: [child] }\n", "Tệp crisis-gates.yaml: cổng '111' cần threshold")]
    [InlineData("gates:\n  - { first: \"111\", threshold: 0.5 }\n", "Tệp crisis-gates.yaml: cổng '111' cần ít nhất một nhóm")]
    [InlineData("gates:\n  - { first: \"111\", threshold: 0.5, groups: [child], words: [bé] }\n", "Tệp crisis-gates.yaml, dòng 2: không đọc được (trường 'words'")]
    [InlineData("groups:\n  bell: [gõ mõ]\n", "Tệp crisis-gates.yaml, dòng 1: không đọc được (trường 'groups'")]
    public async Task ReadAsync_BadGatesFile_RefusedNamingTheFile(string yaml, string expected)
    {
        using var folder = new ContentPackCopy();
        folder.Write(ContentPackReader.GatesFile, yaml);

        var error = await Assert.ThrowsAsync<ContentPackException>(() => ContentPackReader.ReadAsync(folder.Path, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadGates_AnotherFile_CheckedAgainstTheGroups_ErrorsNameIt()
    {
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["fire_sign"] = ["khói"] };

        var gates = ContentPackReader.ReadGates("gates:\n  - { first: \"114\", threshold: 0.6, groups: [fire_sign] }\n", groups, "try.yaml");
        var error = Assert.Throws<ContentPackException>(() => ContentPackReader.ReadGates("gates:\n  - { first: \"114\", threshold: 0.6, groups: [smoke] }\n", groups, "try.yaml"));

        Assert.Equal("114", Assert.Single(gates).Number);
        Assert.Contains("Tệp try.yaml: cổng '114' dùng nhóm 'smoke'", error.Message, StringComparison.Ordinal);
    }
}
