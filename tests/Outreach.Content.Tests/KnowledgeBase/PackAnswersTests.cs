using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>
/// The shipped pack as members meet it (issue 10): the topics it lacked, short English messages, small talk, off-topic
/// questions, and the content errors that were fixed.
/// </summary>
public sealed class PackAnswersTests
{
    private static async Task<KnowledgeSnapshot> SnapshotAsync() => KnowledgeSnapshot.Build(await Packs.ShippedAsync());

    private static async Task<AnswerDecision> AskAsync(string text, string? province = null) =>
        AnswerEngine.Decide(await SnapshotAsync(), new AnswerRequest(text, province, Packs.Today));

    [Theory]
    [InlineData("bhxh tự nguyện có được hưởng thai sản không", "insurance-maternity")]
    [InlineData("luật bảo hiểm xã hội 2024 áp dụng từ khi nào", "insurance-law-2024")]
    [InlineData("vay vốn hội phụ nữ có phải thế chấp sổ đỏ không", "loan-collateral")]
    [InlineData("đến hạn mà chưa trả được nợ vay thì sao", "loan-overdue")]
    [InlineData("học nghề miễn phí cho chị em ở đâu", "policy-jobs-training")]
    [InlineData("đi xuất khẩu lao động cần chú ý gì", "violence-work-abroad")]
    [InlineData("ly hôn thì ai được nuôi con", "violence-divorce-custody")]
    [InlineData("có người xưng công an gọi bảo chuyển tiền", "policy-scams")]
    [InlineData("hướng dẫn cài vneid", "policy-vneid")]
    [InlineData("mẹ đơn thân được hội hỗ trợ gì", "policy-single-mothers")]
    [InlineData("mẹ đỡ đầu là chương trình gì", "policy-godmother")]
    [InlineData("mái ấm tình thương là gì", "policy-charity-house")]
    [InlineData("tảo hôn là gì", "violence-child-marriage")]
    [InlineData("tiêm vắc xin hpv ở đâu", "screening-hpv-vaccine")]
    [InlineData("muốn đặt vòng tránh thai thì đi đâu", "screening-family-planning")]
    [InlineData("quấy rối tình dục nơi làm việc thì báo ai", "violence-harassment")]
    [InlineData("hội liên hiệp phụ nữ là gì", "membership-what-is-union")]
    [InlineData("PNTE là viết tắt của gì", "membership-glossary")]
    [InlineData("chuyển nhà sang xã khác thì sinh hoạt hội ở đâu", "membership-move")]
    [InlineData("sinh con thứ 3 có bị phạt không", "policy-number-of-children")]
    [InlineData("bình đẳng giới là gì", "policy-gender-equality")]
    [InlineData("chị em muốn lập tổ hợp tác bán chung nông sản thì làm sao", "policy-cooperative")]
    [InlineData("có nên rút bảo hiểm xã hội một lần không", "insurance-law-2024")]
    public async Task MissingTopic_NowAnswered(string question, string entry)
    {
        var decision = await AskAsync(question);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("nghe nói có quỹ TYM cho chị em vay, ở đâu vậy", "loan-tym")]                       // a hedge says nothing
    [InlineData("chồng cũ cứ bén mảng tới nhà, có cách nào cấm không", "violence-no-contact-order")]
    [InlineData("con trai con dâu giữ sổ lương hưu của tôi, như vậy có phải bạo lực không", "violence-definition")]
    [InlineData("bầu 4 tháng chưa đi khám lần nào có sao không", "screening-prenatal")]            // "bầu" alone is pregnancy
    [InlineData("mẹ chồng suốt ngày chửi em là đồ ăn bám, em phải làm sao", "violence-what-to-do")] // insults are violence
    [InlineData("Chào cháu, bà mới tập dùng điện thoại, chưa biết hỏi gì", "smalltalk-greeting")]    // small talk opens the message
    [InlineData("hôm nay mệt chết đi được, bán hàng từ sáng tới giờ", "smalltalk-feelings")]
    [InlineData("Are there free HPV tests for women in Hanoi?", "screening-cervical")]               // English words the list lacked
    public async Task OtherWordsForAConcept_FindTheEntry(string question, string entry)
    {
        var decision = await AskAsync(question);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    // Round 5: family property and the marriage law, women workers, chi hội meetings (they route to legal aid or the chi hội).
    [InlineData("bố mẹ mất không có di chúc thì anh em chia đất sao", "policy-family-property")]
    [InlineData("nhà mua sau khi cưới mà sổ đỏ chỉ ghi tên chồng thì có phải tài sản chung không", "policy-family-property")]
    [InlineData("chồng em có bồ, đi sống với người ta luôn, vậy có bị phạt không", "policy-marriage-law")]
    [InlineData("em có bầu 5 tháng thì công ty cho nghỉ việc, có đúng không", "policy-women-workers")]
    [InlineData("bà già rồi không đi họp chi hội được nữa, có sao không", "membership-meetings")]
    // A quantity is her situation, not her question: "30 triệu" does not push a loan question under the threshold.
    [InlineData("chị ơi e muốn vay 30 triệu mua bò", "loan-how-to-borrow")]
    [InlineData("vừa ra tù muốn vay vốn buôn bán có được không", "loan-programmes")]
    [InlineData("chồng em thất nghiệp, hội có giúp tìm việc không", "policy-jobs-training")]
    // Small talk in the last clause of a message that asks nothing else.
    [InlineData("cả tuần chạy sổ sách báo cáo cho chi hội, mệt xỉu luôn", "smalltalk-feelings")]
    public async Task Round5_MemberNeeds_FindTheEntry(string question, string entry)
    {
        var decision = await AskAsync(question);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Fact]
    public async Task BauCu_IsAnElectionNotAPregnancy()
    {
        Assert.Equal(AnswerKind.Fallback, (await AskAsync("bầu cử đại biểu hội đồng nhân dân khi nào")).Kind);
    }

    [Theory]
    [InlineData("what is the domestic violence hotline number", "1900 969 680")]
    [InlineData("child protection hotline number", "111")]
    [InlineData("emergency numbers in vietnam", "113")]
    public async Task EnglishHotlineQuestion_AnsweredInEnglish(string question, string number)
    {
        var decision = await AskAsync(question);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Contains(number, decision.Text, StringComparison.Ordinal);
        // English: hardly a word with Vietnamese marks (a name such as "Ngôi nhà Bình yên" may stay).
        var words = Outreach.Content.Text.VietnameseText.Tokenize(decision.Text.Split('\n')[0]);
        Assert.True(words.Count(w => w.IsMarked) * 5 <= words.Count, decision.Text);
    }

    [Fact]
    public async Task EnglishLoanQuestion_VietnameseAnswerWithTheKeyNames()
    {
        var decision = await AskAsync("how can I get a loan from the women's union");

        Assert.Equal("loan-how-to-borrow", decision.EntryId);
        Assert.Contains("NHCSXH", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("👍")]
    [InlineData("vâng ạ")]
    [InlineData("ad ơi")]
    [InlineData("chàoooo")]
    [InlineData("em mệt quá")]
    [InlineData("tạm biệt")]
    [InlineData("bot tên gì")]
    public async Task Smalltalk_WarmShortReply_NotTheFallback(string message)
    {
        var decision = await AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("smalltalk", decision.Topic);
    }

    [Theory]
    [InlineData("kết quả xổ số hôm nay")]
    [InlineData("đội tuyển Việt Nam đá mấy giờ")]
    [InlineData("tử vi tuổi Dần năm nay")]
    [InlineData("kể chuyện cười đi")]
    [InlineData("what is the capital of france")]
    public async Task OutOfScope_PoliteFallbackWithTheMenu_NoSuggestions(string question)
    {
        var pack = await Packs.ShippedAsync();

        var decision = await AskAsync(question);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
        Assert.Equal(pack.Texts.Menu, decision.Choices);
    }

    [Fact]
    public async Task LongStory_TheQuestionDecides_NotTheGreetingOrTheStory()
    {
        var decision = await AskAsync(
            "Chào ad, em 30 tuổi, chồng đi làm xa, em ở nhà nuôi 2 con nhỏ với mẹ chồng, nhà nghèo, em muốn vay ít tiền để mua máy "
            + "may về may gia công, không biết hội có cho vay không, thủ tục thế nào ạ");

        Assert.Equal("loan", decision.Topic);
    }

    [Fact]
    public async Task HotlineTypedWithoutSpaces_FindsItsEntry()
    {
        Assert.Equal("violence-peace-house", (await AskAsync("1900969680 là số gì")).EntryId);
    }

    [Fact]
    public async Task ContentErrors_Fixed()
    {
        var pack = await Packs.ShippedAsync();
        string Answer(string id, string? province = null) => pack.Entries.Single(e => e.Id == id && e.Province == province).Answer;

        // The third-child rule was repealed in 2025: not listed as a criterion.
        Assert.DoesNotContain("không sinh con thứ 3 trở lên", Answer("policy-5-khong-3-sach"), StringComparison.Ordinal);
        Assert.Contains("07/2025", Answer("policy-5-khong-3-sach"), StringComparison.Ordinal);
        // Ngôi nhà Bình yên has houses in Hà Nội and Cần Thơ only; the commune police is not a shelter.
        Assert.Contains("Hà Nội và Cần Thơ", Answer("violence-shelter"), StringComparison.Ordinal);
        // Collateral: "usually not", never "no need".
        Assert.DoesNotContain(pack.Entries, e => e.Answer.Contains("không cần thế chấp", StringComparison.Ordinal));
        // Seed 003's wording, and the merged provinces.
        Assert.Contains("146 cuộc truyền thông cộng đồng", Answer("bp-project-8-results", "binh-phuoc"), StringComparison.Ordinal);
        Assert.Contains("Đồng Nai", Answer("bp-poverty-results", "binh-phuoc"), StringComparison.Ordinal);
        Assert.Contains("Bắc Ninh", Answer("bg-2020-results", "bac-giang"), StringComparison.Ordinal);
        // Đề án 2415 is described by its own task groups, not 939's tools.
        Assert.DoesNotContain("Ngày Phụ nữ khởi nghiệp", Answer("policy-2415"), StringComparison.Ordinal);
        // Facts that expire carry their date.
        Assert.NotNull(pack.Entries.Single(e => e.Id == "policy-938").ValidUntil);
    }
}
