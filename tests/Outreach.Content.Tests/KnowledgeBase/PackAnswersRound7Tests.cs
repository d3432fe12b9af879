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
    private static async Task<AnswerDecision> AskAsync(string text) =>
        AnswerEngine.Decide(KnowledgeSnapshot.Build(await Packs.ShippedAsync()), new AnswerRequest(text, null, Packs.Today));

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
        var decision = await AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Fact]
    public async Task WhoAreYou_SaysWhoMadeItAndWhichLanguages()
    {
        var decision = await AskAsync("ai lập ra con bot này vậy");

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
        var decision = await AskAsync(question);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bị lừa đảo qua facebook thì báo ai", "policy-scams")]
    [InlineData("vay vốn nuôi bò ở đâu", "loan-how-to-borrow")]
    public async Task InScope_SharingAWordWithOffTopic_StillAnswered(string question, string entry)
    {
        var decision = await AskAsync(question);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }
}
