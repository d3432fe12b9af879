using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>
/// Round 7 (issue 10), families of wording rather than single questions: small talk about the bot itself (who made it, boy
/// or girl, which language, does it sleep), good night, a complaint that it does not answer, sighs and laughter said the
/// southern or teen way; topics outside the union's work (lottery, football, the weather, fortune-telling, followers,
/// teeth) fall through to "ngoài phạm vi" while in-scope questions sharing a word still find their entry. The messages are
/// written here, not copied from the tuning sets.
/// </summary>
public sealed class PackAnswersRound7Tests
{
    [Theory]
    [InlineData("bot là nam hay nữ vậy", "smalltalk-who-are-you")]
    [InlineData("ai tạo ra chatbot này", "smalltalk-who-are-you")]
    [InlineData("bạn nói được tiếng anh không", "smalltalk-who-are-you")]
    [InlineData("khuya rồi bot còn thức không", "smalltalk-chitchat")]
    [InlineData("ad ăn trưa chưa", "smalltalk-chitchat")]
    [InlineData("chúc chị ngủ ngon nha", "smalltalk-goodnight")]
    [InlineData("sao hỏi mà không trả lời vậy", "smalltalk-complaint")]
    [InlineData("tui buồn thiệt á", "smalltalk-feelings")]
    [InlineData("hôm nay bị chị chủ la một trận, buồn ghê", "smalltalk-feelings")]
    [InlineData("cười té ghế luôn 😂", "smalltalk-reaction")]
    public async Task Smalltalk_Family_FindsItsWarmReply(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Fact]
    public async Task WhoAreYou_SaysWhoMadeItAndWhichLanguages()
    {
        var decision = await Packs.AskAsync("ai lập ra con bot này vậy");

        Assert.Contains("Hội Liên hiệp Phụ nữ", decision.Text, StringComparison.Ordinal);
        Assert.Contains("tiếng Việt", decision.Text, StringComparison.Ordinal);
        Assert.Contains("tiếng Anh", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kết quả xổ số miền bắc hôm nay")]
    [InlineData("tỷ số trận việt nam thái lan")]
    [InlineData("mai trời có mưa không ad")]
    [InlineData("tuổi dậu năm nay xem tử vi thế nào")]
    [InlineData("làm sao tăng follow tiktok")]
    [InlineData("niềng răng giá bao nhiêu")]
    [InlineData("lam sao de bao like tren facebook")]
    public async Task OffTopic_FallsThroughToNgoaiPhamVi_NoSuggestions(string question)
    {
        var decision = await Packs.AskAsync(question);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bị lừa đảo qua facebook thì báo ai", "policy-scams")]
    [InlineData("vay vốn nuôi bò ở đâu", "loan-how-to-borrow")]
    public async Task InScope_SharingAWordWithOffTopic_StillAnswered(string question, string entry)
    {
        var decision = await Packs.AskAsync(question);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    // Violence: money and property, forced sex in marriage, reporting in confidence, threats by message, a child at school,
    // evidence.
    [InlineData("chồng cầm hết lương của em, tiêu gì cũng phải xin", "violence-economic")]
    [InlineData("vợ chồng mà không muốn cũng bị bắt quan hệ thì có phạm luật không", "violence-marital-rape")]
    [InlineData("anh người yêu cũ nhắn tin dọa đăng ảnh riêng tư của em lên face", "violence-threats")]
    [InlineData("chồng cũ cứ nhắn tin hăm dọa em hoài", "violence-threats")]
    [InlineData("con gái em bị mấy bạn trong lớp bắt nạt", "violence-child-school")]
    [InlineData("cần chụp ảnh vết thương để làm bằng chứng không", "violence-evidence")]
    // Loans: paying interest, paying early, a borrower gone, ethnic-minority borrowers.
    [InlineData("nộp tiền lãi ngân hàng chính sách ở đâu", "loan-repayment")]
    [InlineData("muốn trả hết nợ vay sớm được không", "loan-repayment")]
    [InlineData("chồng vay ngân hàng rồi bỏ trốn, em có phải trả không", "loan-absent-borrower")]
    // Membership: the congress, clubs, no smartphone.
    [InlineData("hội có tổ chức đại hội nhiệm kỳ mới chưa", "membership-congress")]
    [InlineData("chi hội muốn lập đội văn nghệ", "membership-clubs")]
    [InlineData("bà không có điện thoại cảm ứng thì biết tin hội sao", "membership-no-smartphone")]
    // Screening and insurance wordings the entries lacked.
    [InlineData("mang thai bị phù chân mờ mắt", "screening-symptoms")]
    [InlineData("có thai thì có phải tiêm uốn ván không", "screening-prenatal")]
    [InlineData("bố mất thì nhà có được nhận tiền mai táng của bảo hiểm không", "insurance-law-2024")]
    [InlineData("dùng vneid thay thẻ bảo hiểm y tế được chưa", "insurance-health-card")]
    [InlineData("lương nữ thấp hơn nam có vi phạm bình đẳng giới không", "policy-gender-equality")]
    [InlineData("có app nào vay nhanh không", "loan-predatory")]
    [InlineData("thầy giáo phạt con em đứng góc lớp có đúng không", "violence-child-school")]
    [InlineData("lũ năm ngoái cuốn mất chuồng trại, giờ có được khoanh nợ không", "loan-overdue")]
    [InlineData("hội phụ nữ xã em ở đâu vậy", "membership-join")]
    public async Task MemberWording_FindsTheEntry(string question, string entry)
    {
        var decision = await Packs.AskAsync(question);

        Assert.Equal(entry, decision.EntryId);
    }

    [Fact]
    public async Task ReportingInConfidence_NamesTheTrustedAddressAndItsSecrecy()
    {
        var decision = await Packs.AskAsync("mình muốn báo hàng xóm đánh vợ mà sợ bị lộ tên");

        Assert.Contains("giữ bí mật", decision.FullText, StringComparison.Ordinal);
        Assert.Contains("Địa chỉ tin cậy", decision.FullText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnverifiedRules_AreSaidToBeUnverified_NotInvented()
    {
        var decision = await Packs.AskAsync("trả nợ trước hạn ngân hàng chính sách được không");

        Assert.Equal("loan-repayment", decision.EntryId);
        Assert.Contains("em không có quy định cụ thể", decision.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("%", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    // A story of medium length (14 syllables or more, under 20) before the question: the clause that asks decides.
    [InlineData("nhà em nuôi gà bị toi chết mấy con, có vay vốn làm lại được không", "loan-how-to-borrow")]
    public async Task MediumStory_TheAskingClauseDecides(string question, string entry)
    {
        var decision = await Packs.AskAsync(question);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }
}
