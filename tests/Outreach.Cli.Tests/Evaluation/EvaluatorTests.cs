using Outreach.Cli.Evaluation;
using Outreach.Content.Alerts;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Cli.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static async Task<EvalReport> RunAsync(string file, string? province)
    {
        var ct = TestContext.Current.CancellationToken;
        var questions = await EvalQuestion.ReadAsync(Path.Combine(AppContext.BaseDirectory, "TestData", file), ct);
        var snapshot = await PackSource.LoadAsync(PackSource.DefaultDirectory, ct);
        return Evaluator.Run(snapshot, questions, province, Today);
    }

    [Fact]
    public async Task Run_DevSet_AtLeast95PercentAndEveryCrisisHotlineFirst()
    {
        // shared/eval/dev.jsonl, copied into the repo. Run for Bình Phước, the province its seed-specific question is about.
        var report = await RunAsync("dev.jsonl", "binh-phuoc");

        Assert.Equal(62, report.Results.Count);
        Assert.True(report.EveryCrisisAnswered, EvalCommand.Format(report, verbose: true));
        Assert.True(report.Accuracy >= 0.95, EvalCommand.Format(report, verbose: true));
    }

    [Fact]
    public async Task Run_DevSetWithoutProvince_AtLeast95Percent()
    {
        // Without a province the seed-specific question cannot be answered; the rest must hold.
        var report = await RunAsync("dev.jsonl", null);

        Assert.True(report.EveryCrisisAnswered, EvalCommand.Format(report, verbose: true));
        Assert.True(report.Accuracy >= 0.95, EvalCommand.Format(report, verbose: true));
    }

    [Fact]
    public async Task Run_HeldOutSet_AtLeast95PercentAndEveryCrisisHotlineFirst()
    {
        // Our own questions, written before any tuning (other people, phrasings, typos, Telex, English, off-topic).
        var report = await RunAsync("heldout.jsonl", null);

        Assert.Equal(64, report.Results.Count);
        Assert.True(report.EveryCrisisAnswered, EvalCommand.Format(report, verbose: true));
        Assert.True(report.Accuracy >= 0.95, EvalCommand.Format(report, verbose: true));
    }

    [Theory]
    [InlineData("set-hh.jsonl", 200)]
    [InlineData("set-ii.jsonl", 150)]
    public async Task Run_OpenedSets_EveryCrisisHotlineFirstNoFalseAlarmAtLeast95Percent(string file, int count)
    {
        // eval/sets: written by helpers who had not seen the pack, then tuned on; what a later change must not undo.
        var report = await RunAsync(Path.Combine("sets", file), null);

        Assert.Equal(count, report.Results.Count);
        Assert.True(report.EveryCrisisAnswered, EvalCommand.Format(report, verbose: true));
        Assert.Empty(report.FalseAlarms);
        Assert.True(report.Accuracy >= 0.95, EvalCommand.Format(report, verbose: true));
    }

    [Fact]
    public void IsRight_EmptyMustMention_OnlyFallbackIsRight()
    {
        var question = new EvalQuestion("x", "giá vàng", "out_of_scope", []);

        Assert.True(Evaluator.IsRight(question, Decision(AnswerKind.Fallback, "menu")));
        Assert.False(Evaluator.IsRight(question, Decision(AnswerKind.Suggestions, "gợi ý")));
        Assert.False(Evaluator.IsRight(question, Decision(AnswerKind.Answer, "vàng")));
    }

    [Fact]
    public void IsRight_CrisisQuestion_NumberMustBeInTheFirstLine()
    {
        var question = new EvalQuestion("x", "cứu em", "crisis", ["113"]);

        Assert.True(Evaluator.IsRight(question, Decision(AnswerKind.Crisis, "Gọi ngay 113\nan toàn")));
        Assert.False(Evaluator.IsRight(question, Decision(AnswerKind.Crisis, "Chị ơi\nGọi ngay 113")));
        Assert.False(Evaluator.IsRight(question, Decision(AnswerKind.Answer, "Gọi ngay 113")));
    }

    [Fact]
    public void IsRight_Answer_ContainsOneOfTheTerms()
    {
        var question = new EvalQuestion("x", "q", "loan", ["NHCSXH", "Tổ TK&VV"]);

        Assert.True(Evaluator.IsRight(question, Decision(AnswerKind.Answer, "vay qua Tổ TK&VV")));
        Assert.False(Evaluator.IsRight(question, Decision(AnswerKind.Answer, "vay qua ngân hàng")));
    }

    [Fact]
    public void IsRight_Answer_LetterCaseAside()
    {
        var question = new EvalQuestion("x", "chao ad", "smalltalk", ["chào"]);

        Assert.True(Evaluator.IsRight(question, Decision(AnswerKind.Answer, "Chào chị, em là trợ lý")));
        Assert.False(Evaluator.IsRight(question, Decision(AnswerKind.Answer, "Dạ, em nghe đây")));
    }

    [Fact]
    public void IsRight_OutOfScopeWithTerms_OnlyTheFallbackSayingOneIsRight()
    {
        var question = new EvalQuestion("x", "giá heo hơi hôm nay", "oos", ["ngoài phạm vi", "không hỗ trợ"]);

        Assert.True(Evaluator.IsRight(question, Decision(AnswerKind.Fallback, "Dạ, câu này nằm ngoài phạm vi em hỗ trợ")));
        Assert.False(Evaluator.IsRight(question, Decision(AnswerKind.Fallback, "Dạ, em chưa hiểu")));
        Assert.False(Evaluator.IsRight(question, Decision(AnswerKind.Answer, "Giá heo nằm ngoài phạm vi")));
        Assert.False(Evaluator.IsRight(question, Decision(AnswerKind.Suggestions, "ngoài phạm vi")));
    }

    [Fact]
    public async Task ReadAsync_BadLine_ErrorNamesTheLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(path, ["{\"id\":\"a\",\"q\":\"b\",\"topic\":\"c\",\"must_mention_any\":[]}", "", "{oops"], TestContext.Current.CancellationToken);

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => EvalQuestion.ReadAsync(path, TestContext.Current.CancellationToken));

            Assert.Contains("dòng 3", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static AnswerDecision Decision(AnswerKind kind, string text) => new(kind, text, null, null, 1, [], CrisisAssessment.None, null);
}
