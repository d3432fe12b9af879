using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>
/// Answers of round 13 (issue 10, sets X and Y opened; the non-crisis side), by family: central and southern words ("răng
/// mà", "năm ni", "chừ", "mần", "mún", "dzậy", "dìa"); more things outside the union's work (online shops, SIM cards and
/// carriers, wifi, recipes, a song's or a book's name, school essays and proverbs, war veterans' benefits, stubble burning, a
/// fire extinguisher's use); "hi hi" is a giggle, not English; a story told with a laughing face is told laughing; "chưa ăn
/// gì" says "nothing", it asks nothing; "gian nan" is no sigh, "tức muốn chết" is; English from foreign spouses; entries
/// for insults from the in-laws, the union's part when a husband comes home drunk and abusive, photos leaked for money, a
/// skit against violence, a chi hội that does not meet, the chi hội head's number, the merged national programmes,
/// parenting classes, first-aid and fire-drill sessions, a lost membership card. Most messages are written here; a few
/// (marked) come from the sets.
/// </summary>
public sealed class PackAnswersRound13Tests
{
    [Theory]
    [InlineData("răng mà lâu rồi chi hội không họp rứa o", "membership-meetings")]
    [InlineData("o ơi, răng mà năm ni chi hội không họp rứa", "membership-meetings")] // set X
    [InlineData("tui mún vay ít vốn mần ăn, hỏi ai dzậy", "loan-how-to-borrow")]
    [InlineData("chừ muốn vay vốn nuôi heo thì hỏi ai", "loan-how-to-borrow")]
    [InlineData("tui mún vay ít vốn mần rẫy, hỏi ai dzậy", "loan-how-to-borrow")] // set X
    [InlineData("tui mới dọn dìa ấp này, muốn sinh hoạt hội mà hổng quen ai hết, chỉ dùm", "membership-move")] // set X
    public async Task CentralAndSouthernWords_GetTheirEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("đơn hàng trên lazada bị giao trễ cả tuần, khiếu nại chỗ nào")]
    [InlineData("mạng viettel nhà em yếu quá, đổi gói sao")]
    [InlineData("cục wifi nhà em hư, gọi ai sửa")]
    [InlineData("chỉ em cách kho cá cho ngon với")]
    [InlineData("bài hát gì mà có câu mẹ yêu con, ai biết tên không")]
    [InlineData("con em lớp 8 làm bài văn nghị luận về lòng hiếu thảo, gợi ý giúp")]
    [InlineData("ông nội em là thương binh, được hưởng chế độ gì")]
    [InlineData("đốt rơm rạ ngoài ruộng có bị phạt không")]
    [InlineData("shopee giao hàng chậm quá khiếu nại ở đâu")] // set X
    [InlineData("đăng ký sim chính chủ làm sao")] // set X
    [InlineData("Chị ơi chặt gà luộc sao cho đẹp miếng ạ, mai nhà em cúng giỗ")] // set Y
    [InlineData("Đề văn có câu 'lửa thử vàng, gian nan thử sức', giải thích sao cho con lớp 7")] // set Y
    [InlineData("nha e moi mua binh chua chay mini, ai chi cach su dung voi")] // set Y
    [InlineData("heo nhà em bỏ ăn, mua thuốc cho heo loại nào")]
    public async Task OutsideTheUnionsWork_FallsThrough(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hi hi")] // set X
    [InlineData("hì hì")]
    [InlineData("hi hi hi")]
    public async Task Giggle_IsALaughInVietnamese(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("smalltalk-reaction", decision.EntryId);
        Assert.Contains("cảm ơn", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hôm qua con bé nhà em tự mặc áo ngược rồi khoe đẹp 😂")]
    [InlineData("nay đi chợ quên ví, chưa mua được gì 😅")]
    [InlineData("tui đói muốn xỉu luôn á, trưa nay chưa ăn gì 😂")] // set Y
    [InlineData("Thằng cu nhà em nó hét 'mẹ ơi con giết được con boss rồi' làm em hết hồn, hóa ra chơi game 😅")] // set Y
    public async Task StoryToldLaughing_GetsTheLaugh(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("smalltalk-reaction", decision.EntryId);
    }

    [Theory]
    [InlineData("sáng giờ bận quá chưa làm được gì, mệt ghê", false)]
    [InlineData("trưa nay chưa ăn gì", false)]
    [InlineData("em không biết làm gì bây giờ", true)]
    [InlineData("em nên ăn gì", true)]
    [InlineData("chưa có gì thì hỏi ai", true)]
    public void NothingAfterANegation_AsksNothing(string message, bool asks) =>
        Assert.Equal(asks, QuestionWords.AsksDirectly(message));

    [Theory]
    [InlineData("dạy con lớp 3 học toán mà tức muốn chết luôn á mấy bà 😩")] // set M
    [InlineData("sửa cái bếp cả buổi không xong, bực mình ghê")]
    public async Task AngerSaidInPassing_IsASigh(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("smalltalk-feelings", decision.EntryId);
    }

    [Theory]
    [InlineData("I'm a foreign husband. Can my wife join the Women's Union? She is 19 and Vietnamese.", "membership-join")] // set X
    [InlineData("My husband is from Korea. Can I join the Women's Union here?", "membership-join")]
    [InlineData("Question from an NGO: who leads Project 8 on gender equality in ethnic minority areas, and does it continue after 2025?", "policy-project-8")] // set M
    public async Task EnglishFromForeignSpousesAndNgos_GetTheirEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("ba chồng say rượu là chửi con dâu đủ thứ, có phải bạo lực không", "violence-definition", "Tinh thần")]
    [InlineData("chồng em xỉn về là chửi, hội xã có can thiệp được không hay phải báo công an", "violence-where-to-report", "Hội Phụ nữ xã")]
    [InlineData("hội phụ nữ có can thiệp được khi ck nhậu về chửi bới ko hay chỉ công an mới dc", "violence-where-to-report", "Hội Phụ nữ xã")] // set Y
    [InlineData("người yêu cũ đăng ảnh riêng tư của em lên facebook hồi năm ngoái, giờ đòi tiền mới gỡ", "violence-threats", "Công an")]
    [InlineData("Em bị nyc tung ảnh nóng lên mạng từ năm ngoái, giờ nó đòi tiền mới chịu gỡ", "violence-threats", "1900 969 680")] // set Y
    [InlineData("chi hội tổ chức văn nghệ tuyên truyền phòng chống bạo lực gia đình, xin tài liệu", "violence-awareness-class", "Hội LHPN xã")]
    [InlineData("Chi hội em dựng tiểu phẩm 'nói không với bạo lực gia đình' cho ngày 20/10, có tài liệu gì tham khảo ko chị", "violence-awareness-class", "chi hội")] // set Y
    public async Task ViolenceQuestions_GetTheirEntry(string message, string entry, string mention)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
        Assert.Contains(mention, decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mẹ chồng cứ chì chiết chuyện em chưa sinh được con trai, em tủi lắm")]
    [InlineData("nhà chồng ngày nào cũng nói nặng lời, đòi đuổi em về nhà mẹ đẻ, em không biết nói với ai")]
    [InlineData("mẹ chồng suốt ngày nhiếc móc e đẻ con gái, nói sẽ đuổi e về nhà ngoại, e buồn lắm ko biết nói ai")] // set X
    public async Task InsultsFromTheInLaws_AreViolenceWithTheSupportLine(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("violence", decision.Topic);
        Assert.Contains("1900 969 680", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cho xin số chi hội trưởng ấp em với", "membership-branch-head")]
    [InlineData("chi hội trưởng thôn e là ai, sdt bn", "membership-branch-head")] // set X
    [InlineData("toi da vao hoi 20 nam ma gio mat the hoi vien roi, xin lam lai o dau a", "membership-join")] // set M
    [InlineData("mình muốn học sơ cứu khi trẻ bị hóc, hội có lớp không", "membership-skills-training")]
    [InlineData("phường bắt hội viên đi diễn tập phòng cháy à", "membership-skills-training")]
    [InlineData("Thứ 6 này phường tổ chức diễn tập chữa cháy, hội viên phụ nữ có phải đi không ạ", "membership-skills-training")] // set W
    [InlineData("chiều nay chi hội có đánh cầu lông không chị, em muốn đi cho vui", "membership-clubs")] // set W
    [InlineData("hội có lớp dạy các mẹ cách nuôi con nhỏ không", "policy-938")]
    [InlineData("hội có lớp dạy cách nuôi dạy con nhỏ ko", "policy-938")] // set X
    public async Task UnionQuestions_GetTheirEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
        Assert.Contains("chi hội", decision.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("chương trình giảm nghèo với nông thôn mới giờ gộp chung rồi hả")]
    [InlineData("từ năm sau các chương trình mục tiêu quốc gia hợp nhất làm một phải không")]
    [InlineData("rứa chớ chương trình nông thôn mới giờ gộp chung với chương trình miền núi hỉ")] // set X
    public async Task MergedNationalProgrammes_SayTheyWereMerged(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("policy-1719", decision.EntryId);
        Assert.Contains("2026–2035", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("con bé đi học về bị té trầy chân, bôi thuốc rồi không sao. Cảm ơn cô giáo đã gọi báo cho em nha")]
    [InlineData("Bà nội em 80 tuổi, tuần trước trượt chân trong nhà tắm nhưng đi khám rồi không sao, nay bà đi lại khỏe re. Cảm ơn các chị trong hội đã ghé thăm bà nha")] // set T
    public async Task NoHarmDone_ThenThanks_IsAThanks(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("smalltalk-thanks", decision.EntryId);
    }

    [Theory]
    [InlineData("vay hộ nghèo trễ hạn hai kỳ rồi, ngân hàng có siết nợ lấy nhà không", "loan-overdue", "Tổ TK&VV")]
    [InlineData("khoản vay nhcs của e quá hạn 3 tháng r do ck bệnh nằm viện, có bị xiết nhà ko, e sợ lắm", "loan-overdue", "Tổ TK&VV")] // set V
    [InlineData("hai chị hội viên giận nhau chuyện tiền quỹ, chi hội trưởng nên làm gì", "membership-branch-work", "họp chi hội")]
    [InlineData("chi hội cần nộp báo cáo 6 tháng, xin mẫu ở đâu", "membership-branch-work", "Hội LHPN xã")]
    [InlineData("e stress muốn chết với đống báo cáo chỉ tiêu chi hội cuối năm, có mẫu ko bot", "membership-branch-work", "Hội LHPN xã")] // set V
    [InlineData("vợ chồng em cứ cãi nhau hoài, có ai tư vấn hôn nhân không", "violence-trusted-address", "hôn nhân")]
    [InlineData("em từng bị bạo lực, giờ ổn rồi, muốn làm tình nguyện giúp người khác thì hỏi ai", "violence-trusted-address", "tình nguyện")]
    [InlineData("chồng em dạo này hay nóng nảy quát tháo, em muốn phòng trước thì làm sao", "violence-safety-plan", "1900 969 680")]
    [InlineData("Em đọc báo vụ người chồng tạt xăng đốt vợ hồi năm trước mà sợ. Nếu mình thấy dấu hiệu chồng nóng tính từ sớm thì nên làm gì để phòng ạ", "violence-safety-plan", "1900 969 680")] // set T
    [InlineData("phụ nữ có được học võ tự vệ ở hội không", "membership-skills-training", "chi hội")]
    [InlineData("I'm a foreign husband. My wife's family keeps pressuring and insulting her. Is there a women's support hotline in Vietnam she can call?", null, "1900 969 680")] // set Y
    public async Task EverydayQuestions_GetTheirEntry(string message, string? entry, string mention)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        if (entry is not null)
        {
            Assert.Equal(entry, decision.EntryId);
        }

        Assert.Contains(mention, decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("đau lưng mấy tháng nay, có nên đi chụp phim không")]
    [InlineData("me e dau lung, bop co chan xoa dau mai ko do, di lai van duoc. co nen di chup phim ko hay cu xoa tiep")] // set T
    public async Task AnXRay_IsNotAFilm(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("screening", decision.Topic);
    }

    [Theory]
    [InlineData("mua hàng trên shopee bị lừa mất tiền thì báo ai", "policy-scams")]
    [InlineData("chi hội tập bài hát cho hội diễn 20/10 thì đăng ký sao", "membership-clubs")]
    [InlineData("vợ liệt sĩ có được vay vốn ưu đãi không", "loan-programmes")]
    public async Task UnionWorkNamingAnOffTopicThing_StillGetsItsEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }
}
