using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>
/// Answers of round 10 (issue 10, sets M, P and T opened), by family: a story that asks nothing and thanks, wishes, greets,
/// laughs or sighs gets that small talk however long it is (texts.yaml <c>statement_acts</c>), while one that asks something
/// outside the pack still gets "ngoài phạm vi"; a first message asking whether anyone reads it; games, fortune-telling by
/// birth years and funeral customs are off topic; violence answers name 1900 969 680; penalties, a child's vaccines and
/// medicine doses are said to be unverified with where to ask; the suggestions reply carries the fallback's danger line after
/// its question. Most messages are written here; a few (marked) come from the sets.
/// </summary>
public sealed class PackAnswersRound10Tests
{
    [Theory]
    [InlineData("Cảm ơn các cô trong chi hội đã ghé thăm ba em lúc ba nằm viện, giờ ba khỏe rồi, ăn ngủ được rồi.", "smalltalk-thanks")]
    [InlineData("Chúc cả nhà mình cuối tuần vui vẻ, buôn bán thuận lợi, con cái ngoan ngoãn nha", "smalltalk-wishes")]
    [InlineData("hôm qua con bé nhà em hát karaoke lạc giọng hết bài, cả nhà cười bể bụng luôn", "smalltalk-reaction")]
    [InlineData("Xin chào các chị, em ở tận trên bản, hôm nay mới lên được sóng điện thoại.", "smalltalk-greeting")]
    [InlineData("thua ông xã ba ván cờ tướng liền, tức ghê huhu", "smalltalk-reaction")]
    [InlineData("cam on chi hoi truong da den tham nha em hom me em om, gio me em khoe lai roi", "smalltalk-thanks")] // without accents
    [InlineData("Cảm ơn chị chi hội trưởng với các chị trong tổ đã đến viếng khi mẹ em mất tháng trước. Giờ cả nhà cũng nguôi ngoai rồi ạ.", "smalltalk-thanks")] // set T
    [InlineData("tui cười xỉu khi đọc bài hội đăng về 'người chồng đảm đang', ck tui đọc xong lặng lẽ đi rửa bát luôn =)))", "smalltalk-reaction")] // set T
    public async Task Statement_WithASmalltalkAct_GetsThatSmalltalk(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("nhà em nhiều gián quá, xịt thuốc gì cho hết ạ")]
    [InlineData("tối qua chơi game thua hoài tức ghê haha, ad có chơi game không")]
    [InlineData("tuổi Tý lấy chồng tuổi Ngọ có xung khắc không mấy chị")]
    [InlineData("hàng xóm có đám tang, đi phúng viếng bỏ phong bì bao nhiêu là vừa")]
    [InlineData("Free Fire con em bị khóa nick rồi lấy lại sao vậy ạ")] // set P
    public async Task Question_OutsideThePack_FallsThroughEvenWithSmalltalkWords(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chào các con, bà mới biết nhắn tin, nhắn vầy các con có đọc được không", "smalltalk-new-user")]
    [InlineData("lần đầu nhắn tin cho hội, không biết tin nhắn có tới không", "smalltalk-new-user")]
    [InlineData("rảnh rỗi vô đây tám chuyện với bot chút cho vui", "smalltalk-chitchat")]
    [InlineData("ad có bận không, nói chuyện với tui chút đi", "smalltalk-chitchat")]
    public async Task ReachingTheBot_GetsAWarmReply(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("cho mình nói chuyện với cán bộ hội được không")] // held-out set: answered "ngoài phạm vi" after round 10
    [InlineData("mình muốn nói chuyện trực tiếp với cán bộ hội, được không")]
    [InlineData("có ai là người thật không, cho tôi nói chuyện với cán bộ")]
    public async Task AskingForAStaffMember_AsAQuestion_IsTheHandoff(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("smalltalk-handoff", decision.EntryId);
        Assert.Equal("handoff", decision.Action);
    }

    [Theory]
    [InlineData("chồng đánh vợ thì bị phạt bao nhiêu tiền vậy", "violence-penalties")]
    [InlineData("xã em có địa chỉ tin cậy không, hỏi ai để biết", "violence-trusted-address")]
    [InlineData("bạn em từng bị người yêu cũ đánh, giờ chia tay rồi, nên khuyên bạn đi đâu tư vấn", "violence-where-to-report")]
    public async Task ViolenceAnswer_NamesTheNationalLine(string message, string entry)
    {
        // Abuse asked about may also be read as a (not acute) crisis: the hotlines, then the entry as a second message.
        var decision = await Packs.AskAsync(message);

        Assert.Equal(entry, decision.EntryId);
        Assert.Contains("1900 969 680", decision.FullText, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"^\D*11[345]", decision.FullText.Split('\n')[0]);
    }

    [Theory]
    [InlineData("em bé mới đẻ được 1 tháng cần tiêm những mũi gì", "screening-child-health")]
    [InlineData("con em 5 tuổi sốt thì uống thuốc hạ sốt liều bao nhiêu", "screening-child-health")]
    [InlineData("chi hội trưởng có được phụ cấp gì không", "membership-branch-head")]
    [InlineData("trang web chính thức của hội liên hiệp phụ nữ là gì", "membership-what-is-union")]
    [InlineData("TYM có phải của hội phụ nữ không, vay có an toàn không", "loan-tym")]
    [InlineData("vay vốn mua phân bón cho vụ mùa được không chị", "loan-how-to-borrow")]
    [InlineData("sinh con ở nhà được không hay phải ra trạm y tế", "screening-prenatal")]
    [InlineData("đã mãn kinh rồi có cần tầm soát ung thư vú nữa không", "screening-breast-risk")]
    [InlineData("ở nhà nội trợ thì lúc ly hôn có được chia tài sản không", "policy-family-property")]
    public async Task TopicFamily_FindsItsEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("chồng đánh vợ thì bị phạt bao nhiêu tiền vậy", "chưa có quy định đã kiểm chứng")]
    [InlineData("em bé mới đẻ được 1 tháng cần tiêm những mũi gì", "không có hướng dẫn đã kiểm chứng")]
    [InlineData("làm chi hội trưởng có lương không", "chưa có thông tin đã kiểm chứng")]
    public async Task UnverifiedFact_SaysSoAndWhereToAsk(string message, string says)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Contains(says, decision.FullText, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+\.\d{3} đồng|\d+ triệu", decision.FullText);
    }

    [Fact]
    public async Task Suggestions_CarryTheDangerLine_AfterTheQuestion()
    {
        // The shipped texts, two entries and thresholds that make any match a suggestion.
        var snapshot = await Packs.WithEntriesAsync(
            new MatchingOptions { AnswerThreshold = 1.01, SuggestThreshold = 0.01 },
            Packs.Entry("vay", "vay vốn làm ăn ở đâu", "Vay vốn: hỏi chi hội trưởng."),
            Packs.Entry("vay-nha", "vay vốn sửa nhà", "Vay sửa nhà: hỏi chi hội trưởng."));

        var decision = AnswerEngine.Decide(snapshot, new AnswerRequest("vay vốn", null, Packs.Today));

        Assert.Equal(AnswerKind.Suggestions, decision.Kind);
        var lines = decision.Text.Split('\n');
        Assert.StartsWith("Dạ, có phải chị muốn hỏi", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("113", lines[0], StringComparison.Ordinal);
        Assert.Contains("113", lines[^1], StringComparison.Ordinal);
        Assert.Equal(2, decision.Choices.Count);
        Assert.False(decision.Crisis.IsCrisis);
    }

    [Fact]
    public async Task NoEntry_UsesTheOffTopicWord()
    {
        // An entry that said a listed off-topic phrase ("chụp phim") would match every question about films, football or the
        // weather through the word they all read as.
        var pack = await Packs.ShippedAsync();

        var offending = pack.Entries
            .Where(e => e.Questions.Append(e.Title).Concat(e.Keywords).Append(e.Answer)
                .Any(text => MatchText.Entry(text).Any(t => t.Folded == Outreach.Content.Text.Synonyms.OffTopicWord)))
            .Select(e => e.Id)
            .ToList();

        Assert.Empty(offending);
    }
}
