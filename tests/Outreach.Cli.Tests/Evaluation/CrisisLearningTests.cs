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
}
