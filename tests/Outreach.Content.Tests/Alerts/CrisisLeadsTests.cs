using Outreach.Content.Alerts;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// crisis.yaml's <c>leads</c>: a category put ahead of others it fires with, against the usual order, unless a group of
/// the lead's <c>none</c> has a cue. A child trafficked or tied up by a carer is 111 first; a child hurt "now" keeps 113.
/// </summary>
public sealed class CrisisLeadsTests
{
    private static CrisisDetector Detector(IReadOnlyList<CrisisLead>? leads)
    {
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["child"] = ["con bé"],
            ["confine"] = ["bị cột"],
            ["sold"] = ["bị bán"],
            ["now"] = ["đang"],
        };
        return new CrisisDetector(new CrisisRules(
            groups,
            [
                new CrisisRule(CrisisCategory.Danger, ["confine"]),
                new CrisisRule(CrisisCategory.Trafficking, ["sold"]),
                new CrisisRule(CrisisCategory.Child, ["child", "confine"]),
                new CrisisRule(CrisisCategory.Child, ["child", "sold"]),
            ],
            [],
            new Dictionary<CrisisCategory, string> { [CrisisCategory.Danger] = "113", [CrisisCategory.Trafficking] = "113", [CrisisCategory.Child] = "111" },
            new Dictionary<CrisisCategory, string>(), new Dictionary<string, string>(), "options", "", "")
        {
            Leads = leads,
        });
    }

    private static readonly CrisisLead[] ChildFirst =
    [
        new(CrisisCategory.Child, [CrisisCategory.Trafficking]),
        new(CrisisCategory.Child, [CrisisCategory.Danger]) { None = ["now"] },
    ];

    [Theory]
    [InlineData("con bé bị cột ở nhà bà dì", new[] { CrisisCategory.Child, CrisisCategory.Danger })]
    [InlineData("con bé bị bán sang bên kia", new[] { CrisisCategory.Child, CrisisCategory.Trafficking })]
    [InlineData("con bé đang bị cột ở nhà bà dì", new[] { CrisisCategory.Danger, CrisisCategory.Child })]
    public void Assess_WithLeads_ChildFirstUnlessNow(string text, CrisisCategory[] expected)
    {
        Assert.Equal(expected, Detector(ChildFirst).Assess(text).Categories);
    }

    [Fact]
    public void Assess_WithoutLeads_TheCategoriesOrder()
    {
        Assert.Equal([CrisisCategory.Danger, CrisisCategory.Child], Detector(null).Assess("con bé bị cột ở nhà bà dì").Categories);
    }

    [Fact]
    public void Assess_LeadOverACategoryThatDidNotFire_NothingMoves()
    {
        Assert.Equal([CrisisCategory.Child, CrisisCategory.Trafficking], Detector(ChildFirst).Assess("con bé bị bán").Categories);
        Assert.Equal([CrisisCategory.Danger], Detector(ChildFirst).Assess("bị cột").Categories);
    }
}
