using Outreach.Content.Alerts;
using Outreach.Content.Tests.KnowledgeBase;
using Outreach.Content.Text;

namespace Outreach.Content.Tests.Alerts;

public sealed class CrisisDetectorTests
{
    private static async Task<CrisisAssessment> AssessAsync(string text)
    {
        var detector = new CrisisDetector((await Packs.ShippedAsync()).Crisis);
        return detector.Assess(text);
    }

    [Theory]
    [InlineData("dừng lại, chồng em đang đánh em", CrisisCategory.Danger)]
    [InlineData("ck dang danh e", CrisisCategory.Danger)]
    [InlineData("ông ấy cầm dao đòi giết cả nhà", CrisisCategory.Danger)]
    [InlineData("chị ơi cứu em", CrisisCategory.Danger)]
    [InlineData("chồng khóa cửa nhốt em trong phòng", CrisisCategory.Danger)]
    [InlineData("bị chồng đánh chảy máu đầu", CrisisCategory.Injury)]
    [InlineData("em vừa uống thuốc ngủ", CrisisCategory.Poisoning)]
    [InlineData("em ko muốn sống nữa", CrisisCategory.SelfHarm)]
    [InlineData("con tôi bị người ta xâm hại", CrisisCategory.Child)]
    [InlineData("chau be bi bo doi", CrisisCategory.Child)]
    [InlineData("em gái bị lừa bán sang Trung Quốc", CrisisCategory.Trafficking)]
    [InlineData("chồng em hay đánh em", CrisisCategory.Abuse)]
    [InlineData("bà nội tự nhiên méo miệng, tay yếu", CrisisCategory.Medical)]
    [InlineData("nhà trọ đang cháy", CrisisCategory.Fire)]
    [InlineData("nước lũ ngập tới mái nhà", CrisisCategory.Disaster)]
    [InlineData("help my husband is beating me right now", CrisisCategory.Danger)]
    public async Task Assess_CrisisMessage_MostUrgentCategoryFirst(string text, CrisisCategory expected)
    {
        var assessment = await AssessAsync(text);

        Assert.True(assessment.IsCrisis);
        Assert.Equal(expected, assessment.Primary);
    }

    [Theory]
    [InlineData("Chồng em không đánh nhưng chửi bới suốt")] // negated act: a question about violence, not an emergency
    [InlineData("tra cứu thẻ bhyt trên điện thoại")]        // "cứu" inside "tra cứu"
    [InlineData("em người Dao ở Bắc Hà")]                   // the Dao people, not a knife
    [InlineData("bổ sung hồ sơ vay vốn")]                   // "sung" typed with accents is not "súng"
    [InlineData("đánh giá kết quả thi đua")]
    [InlineData("phòng chống bạo lực gia đình là gì")]
    [InlineData("dừng")]
    [InlineData("vay vốn nuôi con đi học")]
    public async Task Assess_OrdinaryMessage_NotACrisis(string text)
    {
        Assert.False((await AssessAsync(text)).IsCrisis);
    }

    [Theory]
    [InlineData("ck da e")]                    // chồng đá em: a person before, a person after
    [InlineData("bi chong da vao bung")]       // bị chồng đá vào bụng
    [InlineData("em bi giam trong nha")]       // bị giam trong nhà
    public async Task Assess_AmbiguousPlainCueInsideItsFrame_Counts(string text)
    {
        Assert.True((await AssessAsync(text)).IsCrisis);
    }

    [Theory]
    [InlineData("da em dang can vay von")]     // dạ, em: nothing before "da"
    [InlineData("em da an com roi")]           // em đã ăn: nothing a blow lands on after "da"
    [InlineData("chương trình giảm nghèo")]    // typed with its tone: "giảm", never "giam"
    public async Task Assess_AmbiguousPlainCueOutsideItsFrame_DoesNotCount(string text)
    {
        Assert.False((await AssessAsync(text)).IsCrisis);
    }

    [Fact]
    public async Task Assess_FireInAYearBeforeThisOne_IsPastNotNow()
    {
        var rules = (await Packs.ShippedAsync()).Crisis;
        var in2027 = new CrisisDetector(rules, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        var in2026 = new CrisisDetector(rules, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        const string Text = "nhà trọ đang cháy năm 2026";

        Assert.False(in2027.Assess(Text).IsCrisis);
        Assert.Equal(CrisisCategory.Fire, in2026.Assess(Text).Primary);
    }

    [Theory]
    [InlineData("cuwus em voiws, chongf em ddang ddanhs em", CrisisCategory.Danger)]  // cứu em với, chồng em đang đánh em
    [InlineData("ddang chays nhaf, cuwus", CrisisCategory.Fire)]                        // đang cháy nhà, cứu
    public async Task Assess_TelexLeftovers_ReadAsTheAccentedWords(string text, CrisisCategory expected)
    {
        Assert.Equal(expected, (await AssessAsync(text)).Primary);
    }

    [Theory]
    [InlineData("thằng đó hăm sẽ tạt axit vào mặt em")] // one Telex-looking word ("axit") is not Telex
    [InlineData("someone is outside my house with a knife")]
    public async Task Assess_SingleTelexLookingWord_LeftAsTyped(string text)
    {
        Assert.True((await AssessAsync(text)).IsCrisis);
    }

    [Fact]
    public async Task Assess_OnePhraseForTwoGroupsOfARule_DoesNotFire()
    {
        // "ngập hết" is both a flood word and an urgency word; a rule needs a cue of its own for each group.
        Assert.False((await AssessAsync("ngập hết đường rồi")).IsCrisis);
        Assert.Equal(CrisisCategory.Disaster, (await AssessAsync("nhà em ngập hết rồi, ông bà không đi được")).Primary);
    }

    [Fact]
    public async Task Assess_AgeUnder18_CountsAsAChild()
    {
        Assert.Equal(CrisisCategory.Child, (await AssessAsync("ép em gái 15 tuổi lấy chồng")).Primary);
        Assert.False((await AssessAsync("ép em gái lấy chồng")).IsCrisis);
    }

    [Fact]
    public async Task Assess_EnglishMessage_FlaggedEnglish()
    {
        Assert.True((await AssessAsync("help my husband is beating me right now")).LooksEnglish);
        Assert.False((await AssessAsync("chồng em đang đánh em")).LooksEnglish);
    }
}
