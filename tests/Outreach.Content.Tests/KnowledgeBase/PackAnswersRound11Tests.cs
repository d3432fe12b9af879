using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>
/// Answers of round 11 (issue 10, sets U, V and W opened), by family: a plain "a" ending a clause is the particle "ạ" and a
/// plain "vay" after a question word is "vậy" (not "anh", not a loan); a bare topic word gets the topic's general entry
/// (texts.yaml <c>topic_general_entries</c>); the papers a loan needs; emergency numbers asked as knowledge (a leaflet, a
/// homework); scams by impersonation and fake investment apps; pests, storm forecasts, other apps' passwords and school
/// drills are off topic. Most messages are written here; a few (marked) come from the sets.
/// </summary>
public sealed class PackAnswersRound11Tests
{
    [Theory]
    [InlineData("cho chi gap can bo hoi duoc khong a", "smalltalk-handoff")]
    [InlineData("cho em gap can bo hoi duoc ko a", "smalltalk-handoff")] // noticed by the lead
    [InlineData("hoi phi mot nam dong bao nhieu vay", "membership-dues")]
    [InlineData("lam sao de vao hoi phu nu a", "membership-join")]
    public async Task PlainParticles_DoNotChangeTheAnswer(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("cho em hỏi vay vốn", "loan-how-to-borrow")] // noticed by a reviewer (got the housing loan)
    [InlineData("vay tiền", "loan-how-to-borrow")]
    [InlineData("cho chi hoi vay von nhe", "loan-how-to-borrow")]
    [InlineData("chính sách", "policy-overview")]
    [InlineData("em muốn hỏi chính sách hỗ trợ phụ nữ", "policy-overview")]
    public async Task BareTopicWord_GetsTheTopicsGeneralEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("vay sửa nhà dột cho hộ nghèo", "loan-housing")]
    [InlineData("vay vốn cho con học đại học", "loan-students")]
    public async Task NarrowLoanQuestion_KeepsItsEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("vay von can giay to gi")] // noticed by the lead (got the job-creation loan)
    [InlineData("muốn vay ngân hàng chính sách thì phải chuẩn bị hồ sơ gì")]
    [InlineData("đi vay vốn cần mang theo những giấy tờ nào a")]
    public async Task LoanPapers_PointToTheSavingsGroup(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("loan-documents", decision.EntryId);
        Assert.Contains("Tổ Tiết kiệm và vay vốn", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("số nào gọi công an, số nào gọi cấp cứu vậy chị", "113")]
    [InlineData("Cô giáo ra bài tập hỏi khi có cháy thì gọi số mấy, con em làm bài mà e cũng ko chắc", "114")] // set W
    [InlineData("Số 113 với số 115 khác nhau sao vậy cô, bà già rồi hay quên", "115")] // set W
    [InlineData("Chi hội em sắp tổ chức buổi tập huấn sơ cứu, cho em hỏi gặp người bị đuối nước thì gọi số cấp cứu nào để em in lên tờ rơi", "115")] // set V
    public async Task EmergencyNumbersAskedAsKnowledge_GetTheList(string message, string number)
    {
        var decision = await Packs.AskAsync(message);

        Assert.NotEqual(AnswerKind.Fallback, decision.Kind);
        Assert.Contains(number, decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bố em đầu tư trên mạng bị lừa hết 20 triệu, giờ trình báo ở đâu", "Công an")]
    [InlineData("có người nhắn zalo giả làm cháu tôi mượn tiền gấp, sao biết thật hay giả", "xác minh")]
    [InlineData("Có đứa nhắn Zalo giả làm con gái tôi xin tiền gấp, tôi già rồi không biết đâu thật đâu giả", "xác minh")] // set V
    public async Task Scams_GetTheScamAdvice(string message, string mention)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("policy-scams", decision.EntryId);
        Assert.Contains(mention, decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nhà em chuột phá quá, có cách diệt chuột nào không dùng thuốc")]
    [InlineData("cơn bão số mấy tuần này vào vậy ad, nhà sắp đám cưới")]
    [InlineData("quên mật khẩu facebook rồi lấy lại sao mấy chị")]
    [InlineData("mai trường con diễn tập động đất, phụ huynh cần chuẩn bị gì không")]
    [InlineData("cứu tui với, quên mật khẩu zalo rồi làm sao lấy lại")] // set W
    public async Task OutsideTheUnionsWork_FallsThrough(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("đi khám sàng lọc có phải đem theo thẻ bhyt không", "screening-schedule")]
    [InlineData("em ở xa muốn đi khám bệnh phụ nữ thì hỏi ai", "screening-gynecology")]
    [InlineData("hội phụ nữ có đi quyên góp ủng hộ bà con vùng lũ không", "policy-relief")]
    [InlineData("939 còn ko hay hết r ad", "policy-939")] // set U
    [InlineData("ad oi ad con do ko", "smalltalk-chitchat")] // set U
    public async Task MissingWordings_GetTheirEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }
}
