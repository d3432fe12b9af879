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

    // A child at risk told indirectly (no violence word, no "now"): the rules see only a child, the classifier's 111 counts
    // from the 111 gate's threshold behind that cue (crisis-gates.yaml). Written here, in none of the sets.
    [Theory]
    [InlineData("đứa nhỏ nhà đầu ngõ mới 4 tuổi, tối nào cũng ngồi một mình trước cửa chờ mẹ, nhà tắt đèn, không ai lo cơm")]
    [InlineData("bé trai 6 tuổi nhà trọ kế bên bị khóa trong phòng từ sáng, mẹ nó đi đâu không biết, nghe nó gọi mẹ hoài")]
    public async Task Decide_ChildAtRiskToldIndirectly_TheChildGateLetsThe111Through(string text)
    {
        var rules = new CrisisDetector((await Packs.ShippedAsync()).Crisis);
        var byRules = rules.AssessByRules(text);
        var gate = rules.Policy.Gates.Single(g => g.Number == "111");

        var decision = await Packs.AskAsync(text);

        Assert.False(byRules.IsCrisis);
        Assert.Contains(byRules.Cues, gate.Groups.Contains);
        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.StartsWith("Gọi 111", decision.Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(CrisisClassifier.LearnedCue, decision.Crisis.Cues);
        Assert.True(decision.Crisis.Learned!.Probability >= gate.Threshold);
    }

    // The gate is what lets this one through: without the rules' cues the classifier is below 0.80.
    [Fact]
    public async Task Assess_ChildUnder080_OnlyWithTheRulesChildCue()
    {
        const string text = "đứa nhỏ nhà đầu ngõ mới 4 tuổi, tối nào cũng ngồi một mình trước cửa chờ mẹ, nhà tắt đèn, không ai lo cơm";
        var rules = new CrisisDetector((await Packs.ShippedAsync()).Crisis);
        var cues = rules.AssessByRules(text).Cues;

        Assert.Null(CrisisClassifier.Shipped.Assess(text));
        Assert.Null(CrisisClassifier.Shipped.Assess(text, rules.Policy, ["fire_event"]));
        Assert.Equal([CrisisCategory.Child], CrisisClassifier.Shipped.Assess(text, rules.Policy, cues)!.Categories);
    }

    // Everyday messages with a child's or water's word: the gate is open, the classifier still stays quiet.
    [Theory]
    [InlineData("bé nhà em 3 tuổi hay khóc đêm, có cách nào dỗ không")]
    [InlineData("nước sông lên cao quá, mai chị em mình có đi họp chi hội được không")]
    [InlineData("con em 6 tuổi ở nhà một mình 15 phút khi em ra chợ có sao không")]
    [InlineData("mùa lũ năm nay xã có phát áo phao cho trẻ em không")]
    [InlineData("hai đứa nhỏ nhà em tự nấu mì ăn khi em đi làm ca tối, có nên không")]
    [InlineData("mưa mấy ngày liền, ruộng lúa ngập hết, hội có hỗ trợ giống không")]
    [InlineData("thằng bé nhà em bị cô giáo phạt đứng góc lớp, về mếu máo, em có nên lên gặp cô")]
    [InlineData("con gái em 12 tuổi đòi đi chơi với bạn trên mạng, làm sao khuyên con")]
    [InlineData("bé nhà hàng xóm 5 tuổi dễ thương ghê, ngày nào cũng qua nhà em chơi")]
    [InlineData("đi biển về gió lớn quá, ghe nằm bờ cả tuần không đi được, buồn ghê")]
    public async Task Decide_EverydayMessageWithAChildOrWaterWord_NoCrisisThoughTheGateIsOpen(string text)
    {
        var detector = new CrisisDetector((await Packs.ShippedAsync()).Crisis, secondOpinion: CrisisClassifier.Shipped);

        var decision = await Packs.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
        Assert.False(detector.Assess(text).IsCrisis);
    }

    // The classifier alone, on crisis wording of its own: the right first number, above the threshold.
    [Theory]
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

    // Since round 15's rows (sets Z to CC and more everyday messages) this limp toddler is under 0.80 for the classifier
    // alone; the rules answer it (115 first), and the classifier still names 115, so no gate can turn it into another number.
    [Fact]
    public async Task Predict_LimpToddlerTheRulesAnswer_StillNames115()
    {
        const string text = "thang be 1 tuoi nha e tu nhien lim di, moi tim, tho kho khe";
        var rules = new CrisisDetector((await Packs.ShippedAsync()).Crisis).AssessByRules(text);

        var opinion = CrisisClassifier.Shipped.Predict(text);

        Assert.Equal("115", CrisisClassifier.FirstNumber(rules.Primary));
        Assert.Equal("115", CrisisClassifier.FirstNumber(opinion.Category!.Value));
        Assert.True(opinion.Probability >= 0.4f);
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
