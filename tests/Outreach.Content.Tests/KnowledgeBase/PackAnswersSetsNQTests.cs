using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>
/// Answers found missing by sets N and Q (issue 10), families of wording rather than single questions: southern and central
/// words ("rứa", "chi", "mạ", "tui", "ghê"), teencode ("mk" after "quên" is a password), English about contributions; facts
/// the sources do not give (the marriage age, a husband's leave at a birth, BHYT without a referral) said to be unverified,
/// with where to ask; 2415's priority groups and its 51% rule; questions naming something outside the union's work (a
/// phone, homework, a film) fall through; a member who names a province with its own entries gets them. The messages are
/// written here, not copied from the sets.
/// </summary>
public sealed class PackAnswersSetsNQTests
{
    [Theory]
    [InlineData("con trai bao nhiêu tuổi thì được cưới vợ", "violence-child-marriage")]
    [InlineData("vợ đẻ thì chồng được nghỉ mấy ngày", "insurance-maternity")]
    [InlineData("nghi thai san may thang vay chi", "insurance-maternity")]
    [InlineData("uống thuốc tránh thai quá liều có sao không", "screening-family-planning")]
    [InlineData("chị từng ngồi tù, giờ muốn mở quán thì có được ưu tiên hỗ trợ không", "policy-2415")]
    [InlineData("doanh nghiệp phụ nữ làm chủ là phải góp bao nhiêu phần trăm vốn", "policy-2415")]
    [InlineData("làng quê an toàn là mô hình chi rứa", "policy-938")]
    [InlineData("em quên mk vssid rồi, lấy lại sao", "insurance-vssid")]
    [InlineData("how can I check my social insurance contributions", "insurance-vssid")]
    [InlineData("mạ tui khám bệnh viện tỉnh không có giấy chuyển tuyến thì bảo hiểm có trả không rứa", "insurance-health-card")]
    [InlineData("nộp hồ sơ vay hội rồi mấy lâu mới giải ngân vậy", "loan-how-to-borrow")]
    [InlineData("lỡ hẹn buổi khám sàng lọc của xã rồi, khám bù được không", "screening-schedule")]
    [InlineData("chi hội trưởng muốn mời bệnh viện về khám cho chị em trong ấp thì làm sao", "screening-schedule")]
    [InlineData("năm mới chúc hội an khang thịnh vượng nha", "smalltalk-wishes")]
    [InlineData("bot giỏi ghê", "smalltalk-thanks")]
    [InlineData("có cách nào cấm nó tới nhà không chị", "violence-no-contact-order")]
    [InlineData("má tui 70 tuổi dô hội được hông", "membership-join")]
    [InlineData("health insurance cho bé 3 tuổi mua ở đâu", "insurance-health-card")] // an English phrase in Vietnamese
    public async Task Family_FindsItsEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("tuổi kết hôn của nam là bao nhiêu", "tư pháp")]           // not in the sources: where to ask, no figure
    [InlineData("vợ sinh thì chồng được nghỉ mấy ngày", "chưa chắc")]
    [InlineData("không có giấy chuyển tuyến bảo hiểm y tế có trả không", "chưa có quy định đã kiểm chứng")]
    public async Task UnverifiedFact_SaysSoAndWhereToAsk(string message, string says)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Contains(says, decision.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(18|20) tuổi\b", decision.Text);
    }

    [Theory]
    [InlineData("điện thoại em bị đơ cảm ứng, sửa chỗ nào rẻ")]
    [InlineData("giải giúp bài toán lớp 5 về vòi nước chảy vào bể")]
    [InlineData("bộ phim tối qua hay không, cho con coi được không")]
    public async Task OffTopic_FallsThroughToNgoaiPhamVi(string question)
    {
        var decision = await Packs.AskAsync(question);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedProvince_WithoutHerOwn_GetsThatProvincesFigures()
    {
        var decision = await Packs.AskAsync("hội phụ nữ Bình Phước giúp được bao nhiêu hộ thoát nghèo");

        Assert.Equal("bp-poverty-results", decision.EntryId);
        Assert.Contains("2.927", decision.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedProvince_HerOwnProvinceStillDecides()
    {
        var decision = await Packs.AskAsync("hội phụ nữ Bình Phước giúp được bao nhiêu hộ thoát nghèo", province: "bac-giang");

        Assert.NotEqual("bp-poverty-results", decision.EntryId);
    }
}
