using Outreach.Cli.Evaluation;
using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;

namespace Outreach.Cli.Tests.Evaluation;

public sealed class CrisisLearningTests
{
    private static EvalQuestion Question(string text, string topic, string? note, params string[] mention) => new("x", text, topic, mention, note);

    [Fact]
    public void ExpectedNumber_NoteFirst_ElseFirstHotlineToMention_NoneForEverydayTopics()
    {
        Assert.Equal("112", CrisisLearning.ExpectedNumber(Question("nước lên tới mái", "crisis", "flood; first: 112", "114", "112")));
        Assert.Equal("115", CrisisLearning.ExpectedNumber(Question("uống thuốc chuột", "crisis", "poison", "1900 969 680", "115", "113")));
        Assert.Equal("", CrisisLearning.ExpectedNumber(Question("chồng hay chửi", "crisis", null, "1900 969 680")));
        Assert.Null(CrisisLearning.ExpectedNumber(Question("vay vốn", "loan", "first: 113", "113")));
    }

    [Fact]
    public async Task MakeExamples_RulesKindWhenItsNumberMatches_PlainKindOtherwise_FaqAsNone()
    {
        var pack = await ContentPackReader.ReadAsync(PackSource.DefaultDirectory, TestContext.Current.CancellationToken);

        var rows = CrisisLearning.MakeExamples(pack,
        [
            Question("em vừa uống thuốc ngủ", "crisis", "first: 115"),
            Question("qua lao dong ben kia mat lien lac 2 tuan", "crisis", "first: 113"),
            Question("thằng bé cứ co giật từng cơn", "crisis", "first: 115"),
            Question("em vừa uống thuốc ngủ", "crisis", "first: 113"),
            Question("cho em hỏi lãi suất", "loan", null, "lãi suất"),
        ]);

        Assert.Equal(new CrisisExample("em vừa uống thuốc ngủ", "poisoning"), rows[0]);
        Assert.Equal("danger", rows[1].Label);
        Assert.Equal("medical", rows[2].Label);
        Assert.Equal(new CrisisExample("cho em hỏi lãi suất", CrisisClassifier.NoneLabel), rows[3]);
        Assert.True(rows.Count > 100);
        Assert.All(rows.Skip(4), row => Assert.Equal(CrisisClassifier.NoneLabel, row.Label));
    }

    [Fact]
    public async Task MakeExamples_EverydayMessagesTheRulesLetPassAreNone_OneTheyCallACrisisIsLeftOutAndTold()
    {
        var pack = await ContentPackReader.ReadAsync(PackSource.DefaultDirectory, TestContext.Current.CancellationToken);
        var skipped = new List<string>();

        var rows = CrisisLearning.MakeExamples(pack, [Question("em vừa uống thuốc ngủ", "crisis", "first: 115")],
            ["xưởng em đang chạy đơn hàng Tết", "chồng em đang cầm dao đòi giết em", "em vừa uống thuốc ngủ"], skipped.Add);

        Assert.Equal(new CrisisExample("xưởng em đang chạy đơn hàng Tết", CrisisClassifier.NoneLabel), rows[^1]);
        Assert.Equal(["chồng em đang cầm dao đòi giết em", "em vừa uống thuốc ngủ"], skipped);
        Assert.Single(rows, r => r.Text == "em vừa uống thuốc ngủ");
    }

    // crisis-eval measures the pack's policy (crisis-gates.yaml), each of its gates left out, and a gate to try added.
    [Fact]
    public async Task Policies_ThePacksPolicy_WithoutEachGate_AndTriedGatesAdded()
    {
        var pack = await ContentPackReader.ReadAsync(PackSource.DefaultDirectory, TestContext.Current.CancellationToken);
        var shipped = CrisisPolicy.Of(pack.Crisis);
        var fire = new CrisisGate("114", 0.55f, ["fire_sign", "burnt_smell"]);

        var policies = CrisisLearning.Policies(CrisisClassifier.DefaultThreshold, shipped, [fire]);

        Assert.Contains(policies, p => p.Policy.DecidesAs(shipped));
        Assert.Equal(["112"], policies.Single(p => p.Name == "gói, bỏ cổng 111").Policy.Gates.Select(g => g.Number));
        var tried = policies.Single(p => p.Name == "gói, thêm cổng 114 thử (2 nhóm) 0,55").Policy;
        Assert.Equal(["111", "112", "114"], tried.Gates.Select(g => g.Number));
        Assert.Equal(0.55f, tried.ThresholdFor("114", ["burnt_smell"]));
        Assert.Equal(0.6f, policies.Single(p => p.Name == "gói, thêm cổng 114 thử (2 nhóm) 0,60").Policy.ThresholdFor("114", ["fire_sign"]));
        Assert.Equal(policies.Count, policies.Select(p => p.Name).Distinct().Count());
    }

    // A held-out set is scored by a model that never saw its messages: its texts are dropped from the training rows.
    [Fact]
    public async Task CrossValidate_HeldOutSetsTextsAreNotTrainedOn()
    {
        var pack = await ContentPackReader.ReadAsync(PackSource.DefaultDirectory, TestContext.Current.CancellationToken);
        CrisisExample[] training =
        [
            new("nhà bên cháy lớn khói đen mù mịt", "fire"), new("bếp nhà em bốc cháy rồi", "fire"), new("lửa cháy lan sang mái", "fire"),
            new("cho em hỏi vay vốn", "none"), new("chi hội họp mấy giờ", "none"), new("cảm ơn chị nhiều", "none"),
            new("kho lúa đầu xóm đang cháy", "fire"), new("lãi suất bao nhiêu vậy chị", "none"),
        ];
        List<EvalQuestion> held = [Question("kho lúa đầu xóm đang cháy", "crisis", "first: 114", "114"), Question("lãi suất bao nhiêu vậy chị", "smalltalk", null)];
        var progress = new List<string>();

        var folds = CrisisLearning.CrossValidate(pack, training, [("a", held)], [new("0,80", new CrisisPolicy(0.8f, [], false))],
            CrisisFeatures.Shipped, progress.Add);

        Assert.StartsWith("a: huấn luyện 6 câu", Assert.Single(progress), StringComparison.Ordinal);
        Assert.Equal((1, 1), (folds["0,80"][0].Crises, folds["0,80"][0].Everyday));
    }
}
