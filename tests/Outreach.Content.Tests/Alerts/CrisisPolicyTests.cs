using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;
using Outreach.Testing;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// When the learned second opinion counts (<see cref="CrisisPolicy"/>): a gate lowers one first number's threshold only when
/// the rules saw one of its cues, a long message's sentences are scored apart, and the most alarming one counts only at the
/// same thresholds.
/// </summary>
public sealed class CrisisPolicyTests
{
    private static readonly CrisisPolicy Gated = new(0.8f,
        [new CrisisGate("111", 0.5f, ["child", "minor"]), new CrisisGate("112", 0.6f, ["rain", "boat"])], Passages: false);

    // The gates name crisis groups: a group renamed or removed in the pack would close its gate without a word (the reader
    // refuses such a crisis-gates.yaml; this says so of the shipped one).
    [Fact]
    public async Task ShippedGates_NameOnlyGroupsTheShippedPackHas()
    {
        var pack = await ContentPackReader.ReadAsync(ContentPackCopy.ShippedDirectory, TestContext.Current.CancellationToken);

        Assert.Equal(["111", "112"], CrisisPolicy.Of(pack.Crisis).Gates.Select(g => g.Number));
        foreach (var gate in CrisisPolicy.Of(pack.Crisis).Gates)
        {
            Assert.All(gate.Groups, group => Assert.True(
                group == CrisisDetector.BuiltInMinor || pack.Crisis.Groups.ContainsKey(group),
                $"The {gate.Number} gate names '{group}', which no crisis file of the shipped pack has."));
        }
    }

    [Fact]
    public void ThresholdFor_GateOpensOnlyForItsNumberAndWithOneOfItsCues()
    {
        Assert.Equal(0.5f, Gated.ThresholdFor("111", ["child", "hit"]));
        Assert.Equal(0.8f, Gated.ThresholdFor("111", ["hit"]));
        Assert.Equal(0.8f, Gated.ThresholdFor("113", ["child"]));
        Assert.Equal(0.6f, Gated.ThresholdFor("112", ["rain"]));
        Assert.Equal(0.8f, Gated.ThresholdFor("112", ["child"]));
    }

    [Fact]
    public void Decide_GatedOpinionCountsWithTheCue_NotWithout()
    {
        var child = new CrisisOpinion(CrisisCategory.Child, 0.55f);

        Assert.Equal(child, Gated.Decide(child, [], ["child"]));
        Assert.Null(Gated.Decide(child, [], ["fire_event"]));
        Assert.Null(Gated.Decide(new CrisisOpinion(CrisisCategory.Danger, 0.55f), [], ["child"]));
        Assert.Null(Gated.Decide(new CrisisOpinion(null, 0f), [], ["child"]));
    }

    [Fact]
    public void Decide_PassagesOnlyWhenThePolicySaysSo_TheMostAlarmingThatCounts()
    {
        var whole = new CrisisOpinion(CrisisCategory.Fire, 0.4f);
        CrisisOpinion[] passages = [new(CrisisCategory.Danger, 0.82f), new(CrisisCategory.Fire, 0.91f), new(CrisisCategory.Child, 0.7f)];
        var withPassages = Gated with { Passages = true };

        Assert.Null(Gated.Decide(whole, passages, []));
        Assert.Equal(passages[1], withPassages.Decide(whole, passages, []));
        Assert.Equal(passages[2], withPassages.Decide(whole, [passages[2]], ["child"]));
        Assert.Null(withPassages.Decide(whole, [passages[2]], []));
        Assert.Equal(new CrisisOpinion(CrisisCategory.Medical, 0.85f), withPassages.Decide(new CrisisOpinion(CrisisCategory.Medical, 0.85f), passages, []));
    }

    [Fact]
    public void Passages_SentencesOfFourWordsOrMore_OnlyWhenTwoOrMore_NotSplitInsideANumber()
    {
        Assert.Equal(
            ["Hôm qua em đi chợ mua 2.500 đồng rau", "thằng bé nhà bên cứ khóc suốt đêm"],
            CrisisClassifier.Passages("Hôm qua em đi chợ mua 2.500 đồng rau. Ừ! thằng bé nhà bên cứ khóc suốt đêm\nvậy đó"));
        Assert.Empty(CrisisClassifier.Passages("em muốn hỏi về vay vốn hộ nghèo"));
        Assert.Empty(CrisisClassifier.Passages("chào chị. em muốn hỏi về vay vốn hộ nghèo"));
        Assert.Empty(CrisisClassifier.Passages(null));
    }
}
