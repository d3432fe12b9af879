using Outreach.Content.Alerts;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// A negation inside a cue of the group "not_negations" does not cancel the cue after it: in southern speech "thằng chả"
/// is "that man", so "thằng chả đánh em" is a blow, while "tôi chả đánh ai" is still negated.
/// </summary>
public sealed class CrisisNotNegationsTests
{
    private static CrisisDetector Detector(bool withException)
    {
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["hit"] = ["đánh"],
        };
        if (withException)
        {
            groups["not_negations"] = ["thằng chả", "ông chả"];
        }

        return new CrisisDetector(new CrisisRules(
            groups, [new CrisisRule(CrisisCategory.Danger, ["hit"])], ["chả", "không"],
            new Dictionary<CrisisCategory, string> { [CrisisCategory.Danger] = "Gọi ngay 113." },
            new Dictionary<CrisisCategory, string>(), new Dictionary<string, string>(), "options", "", ""));
    }

    [Theory]
    [InlineData("thằng chả đánh em")]
    [InlineData("ông chả đánh tui hoài")]
    public void Assess_NegationInsideANotNegationsCue_CueCounts(string text)
    {
        Assert.Equal([CrisisCategory.Danger], Detector(withException: true).Assess(text).Categories);
        Assert.Empty(Detector(withException: false).Assess(text).Categories);
    }

    [Theory]
    [InlineData("tôi chả đánh ai bao giờ")]
    [InlineData("thằng chả không đánh em")]
    public void Assess_NegationOutsideTheException_StillNegates(string text)
    {
        Assert.Empty(Detector(withException: true).Assess(text).Categories);
    }
}
