using Outreach.Content.Alerts;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// The learned second opinion behind the crisis rules (<see cref="CrisisClassifier"/>), on messages written here for these
/// tests (none is in crisis-training.jsonl): indirect crises the rules miss, crises of every first number in words the
/// training rows do not use, everyday messages with scary words, and deterministic training.
/// </summary>
public sealed class CrisisClassifierTests
{
    // Written indirectly and without accents: the rules of crisis.yaml find nothing, the classifier finds the crisis.
    [Theory]
    [InlineData("be nha e tu nhien cung do nguoi, mat trong nguoc, goi ko thua", "115")]
    public async Task Decide_IndirectCrisisTheRulesMiss_CrisisReplyOpensWithItsNumber(string text, string first)
    {
        var rules = new CrisisDetector((await Packs.ShippedAsync()).Crisis);

        var decision = await Packs.AskAsync(text);

        Assert.False(rules.AssessByRules(text).IsCrisis);
        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.StartsWith("Gọi ngay " + first, decision.Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(CrisisClassifier.LearnedCue, decision.Crisis.Cues);
        Assert.Equal(first, CrisisClassifier.FirstNumber(decision.Crisis.Primary));
    }

    // The classifier alone, on crisis wording of its own: the right first number, above the threshold.
    [Theory]
    [InlineData("thang be 1 tuoi nha e tu nhien lim di, moi tim, tho kho khe", "115")]
    [InlineData("con e 2 tuoi nga xuong ho nuoc, vot len tim tai ko khoc", "115")]
    [InlineData("lua bat len tu o dien, khoi den kin phong, ca nha dang ket tren lau", "114")]
    [InlineData("nha ben canh boc khoi mu mit, nghe tieng no lop dop", "114")]
    [InlineData("thang ck cam dao dung ngoai cua phong, e khoa cua trong, no dang pha cua", "113")]
    [InlineData("thang kia cu dung ngoai cong nha e tu chieu, tay cam cay sat", "113")]
    [InlineData("con be nha ben moi 6 tuoi bi bo me nhot trong chuong ga may hom roi", "111")]
    public void Assess_CrisisInUnseenWords_RightFirstNumber(string text, string first)
    {
        var assessment = CrisisClassifier.Shipped.Assess(text);

        Assert.NotNull(assessment);
        Assert.Equal(first, CrisisClassifier.FirstNumber(assessment.Primary));
        Assert.True(assessment.Learned!.Probability >= CrisisClassifier.DefaultThreshold);
    }

    // Everyday questions with crisis words in them: no crisis reply, so no staff alert.
    [Theory]
    [InlineData("em muốn đăng ký lớp sơ cứu cho các mẹ trong chi hội")]
    [InlineData("cho em hỏi cách phòng cháy chữa cháy khi nấu bếp ga")]
    [InlineData("thuốc ngủ thảo dược có hại cho bà bầu không chị")]
    [InlineData("bé nhà em hay giật mình khi ngủ có sao không")]
    [InlineData("chị ơi lũ năm ngoái nhà em được hỗ trợ bao nhiêu tiền")]
    [InlineData("em muốn vay vốn để đi xuất khẩu lao động Nhật Bản")]
    [InlineData("phim tối qua có cảnh đánh nhau ghê quá")]
    [InlineData("làm sao để dạy con không bị người lạ dụ dỗ")]
    [InlineData("chồng em đi làm ăn xa cả tháng chưa gửi tiền về")]
    [InlineData("bé nhà em bị co giật do sốt hồi năm ngoái, giờ tiêm phòng được không")]
    [InlineData("em mất ngủ mấy đêm liền, uống thuốc ngủ có được không")]
    [InlineData("mua to qua chi oi, chieu nay hop chi hoi co hoan ko")]
    public async Task Decide_EverydayMessageWithScaryWords_NoCrisis(string text)
    {
        var decision = await Packs.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
        Assert.Null(CrisisClassifier.Shipped.Assess(text));
    }

    [Fact]
    public void Train_SameRows_SameDecisions()
    {
        var rows = CrisisClassifier.ReadShipped();
        string[] messages =
        [
            "e tich du thuoc ngu roi, toi nay e di ngu luon",
            "chi gai e di lam o tren do 2 tuan nay mat lien lac",
            "cho em hỏi cách phòng cháy chữa cháy khi nấu bếp ga",
            "dat tu doi sau nha truot xuong vui mat nha ben",
        ];

        var first = CrisisClassifier.Train(rows);
        var second = CrisisClassifier.Train(rows);

        Assert.Equal(rows.Count, first.Examples);
        Assert.Equal(messages.Select(first.Predict), messages.Select(second.Predict));
        Assert.Equal(messages.Select(CrisisClassifier.Shipped.Predict), messages.Select(first.Predict));
    }

    [Fact]
    public void TrainCached_SavedModelLoadsWithTheSameDecisions_AFileItCannotReadIsTrainedOver()
    {
        var rows = CrisisClassifier.ReadShipped().Take(600).ToList();
        string[] messages =
        [
            "e tich du thuoc ngu roi, toi nay e di ngu luon",
            "lua bat len tu o dien, khoi den kin phong",
            "cho em hỏi cách phòng cháy chữa cháy khi nấu bếp ga",
        ];
        var directory = Path.Combine(Path.GetTempPath(), "crisis-cache-test-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "model.zip");
        try
        {
            var trained = CrisisClassifier.TrainCached(rows, path);
            Assert.True(File.Exists(path));
            var loaded = CrisisClassifier.TrainCached(rows, path);

            Assert.Equal(rows.Count, loaded.Examples);
            Assert.False(trained.FromCache);
            Assert.True(loaded.FromCache);
            Assert.Equal(messages.Select(trained.Predict), messages.Select(loaded.Predict));

            File.WriteAllText(path, "not a model");
            var retrained = CrisisClassifier.TrainCached(rows, path);
            Assert.False(retrained.FromCache);
            Assert.Equal(messages.Select(trained.Predict), messages.Select(retrained.Predict));
            Assert.Equal(messages.Select(trained.Predict), messages.Select(CrisisClassifier.TrainCached(rows, path).Predict));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task CrisisDetector_SecondOpinionOnlyWhenGiven_LaneAgreesOnceTrained()
    {
        var rules = (await Packs.ShippedAsync()).Crisis;
        var withClassifier = new CrisisDetector(rules, secondOpinion: CrisisClassifier.Shipped);
        const string text = "be nha e tu nhien cung do nguoi, mat trong nguoc, goi ko thua";

        Assert.True(CrisisClassifier.Shipped.Examples > 0); // waits for training
        var assessed = withClassifier.Assess(text);

        Assert.False(new CrisisDetector(rules).Assess(text).IsCrisis);
        Assert.Equal([CrisisCategory.Medical], assessed.Categories);
        Assert.Equal(assessed.Categories, withClassifier.AssessWithoutWaiting(text).Categories);
    }

    [Fact]
    public void ReadShipped_EveryLabelIsNoneOrACrisisKindWithAnEmergencyNumber()
    {
        var rows = CrisisClassifier.ReadShipped();

        Assert.All(rows, row => Assert.True(
            row.Label == CrisisClassifier.NoneLabel
            || (CrisisCategoryNames.TryParse(row.Label, out var kind) && CrisisClassifier.FirstNumber(kind).StartsWith("11", StringComparison.Ordinal)),
            row.Label));
        Assert.Equal(rows.Count, rows.Select(r => r.Text).Distinct(StringComparer.Ordinal).Count());
    }
}
