using System.Text.RegularExpressions;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Crisis families added in round 7 (issue 10), each through the engine as a member writes it: "if I stop writing, call the
/// police for me"; ending "everything" with a letter or a goodbye; children entrusted while she needs nothing any more;
/// an adult dragged into a car; a teacher or a nanny touching or beating a child; short English about a friend who wants to
/// "end it all". Abuse that is not acute is named (domestic violence, under the law). And the everyday neighbours of the
/// same words, which must stay quiet: livestock dead of disease, a flood's loan questions, a match tonight, "cháy hết mình".
/// The messages are written here, not copied from the tuning sets.
/// </summary>
public sealed partial class CrisisRound7CasesTests
{
    [Theory]
    // She expects harm and asks for the police if she goes quiet: 113.
    [InlineData("chị ơi nếu sáng mai không thấy em nhắn thì gọi công an giúp em", "113")]
    [InlineData("neu mai ko thay e nhan nua thi bao cong an dum e", "113")]
    [InlineData("ổng say về rồi, em sợ lắm, nếu không thấy em nhắn nữa là có chuyện", "113")]
    // Ending "everything" after a letter or a goodbye: 115.
    [InlineData("tối qua em viết thư cho con rồi, mai em kết thúc mọi chuyện", "115")]
    [InlineData("em mệt mỏi quá rồi, tối nay em kết thúc mọi chuyện", "115")]
    // Children entrusted while she needs nothing any more: 115.
    [InlineData("chi trong gium hai dua nho nha, em khong con can gi nua", "115")]
    // Short English about a friend: 115.
    [InlineData("my sister says she wants to end it all", "115")]
    [InlineData("my friend wants to kill herself tonight", "115")]
    // An adult dragged into a vehicle: 113.
    [InlineData("vừa có 3 thằng lôi chị em lên xe tải chạy mất", "113")]
    // A teacher or a nanny: 111.
    [InlineData("thầy dạy thêm sờ ngực con gái em", "111")]
    [InlineData("cô bảo mẫu đánh con em bầm hết lưng", "111")]
    // Short English in the present: 113.
    [InlineData("my husband is beating me", "113")]
    // A letter to her children with despair; an apology to her mother and "do not look for me": 115.
    [InlineData("em ko chịu nổi nữa, đã viết thư cho các con rồi", "115")]
    [InlineData("mẹ ơi con xin lỗi, con đi đây, đừng tìm con", "115")]
    // Abuse that is not acute: the women's support line first.
    [InlineData("chồng tát em một cái, giờ em phải làm sao", "1900 969 680")]
    public async Task CrisisMessage_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("con heo nhà em bị dịch chết hết, mua thuốc gì")]        // livestock, not a person
    [InlineData("ga nha em chet ca dan roi, cho uong thuoc gi")]
    [InlineData("lũ cuốn mất đàn bò, khoản vay hộ nghèo em xin gia hạn được không")] // a loan after a flood
    [InlineData("đội em đá mấy giờ tối nay vậy")]                       // a match
    [InlineData("văn nghệ xã năm nay cháy hết mình luôn")]               // "on fire" with joy
    [InlineData("em muốn kết thúc mọi chuyện với anh ta, ly hôn thì làm sao")] // ending a marriage
    [InlineData("chị trông giùm hai đứa nhỏ chiều nay nha, em lên xã họp")]  // babysitting
    [InlineData("thầy giáo sờ đầu khen con em giỏi")]
    [InlineData("nếu không thấy em trả lời thì chị đừng lo, em sợ điện thoại hết pin")] // no one to fear
    [InlineData("nếu mai không thấy em nhắn là em bận nha chị")]
    [InlineData("mẹ vừa bế con lên xe đi chợ")]                          // carrying a child onto the bike
    [InlineData("bà ngoại đang ẵm bé lên xe về quê")]
    [InlineData("em kết thúc hết các khoản vay rồi, giờ mệt mỏi quá")]      // paying off, not an ending
    [InlineData("em đi đây, chào chị nha")]
    [InlineData("con xin lỗi mẹ vì điểm kém")]
    [InlineData("he's my husband, can i get a loan")]
    public async Task EverydayMessage_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }

    [Theory]
    [InlineData("me chong giu het giay to cua em, khong cho em ve nha ngoai")]
    [InlineData("bị chồng bỏ đói, ốm cũng không cho đi khám")]
    public async Task AbuseNotAcute_IsNamedAsDomesticViolenceUnderTheLaw(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.StartsWith("Chị gọi Tổng đài hỗ trợ phụ nữ", decision.Text, StringComparison.Ordinal);
        Assert.Contains("là bạo lực gia đình", decision.Text, StringComparison.Ordinal);
        Assert.Contains("Luật Phòng, chống bạo lực gia đình 2022", decision.Text, StringComparison.Ordinal);
        Assert.Contains("xóa cả cuộc trò chuyện", decision.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcedSexByAHusband_IsNamedAsSexualViolence()
    {
        var decision = await CrisisAsk.AskAsync("chồng em ép quan hệ khi em không muốn");

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Contains("bạo lực tình dục", decision.Text, StringComparison.Ordinal);
        Assert.Contains("kể cả giữa vợ chồng", decision.Text, StringComparison.Ordinal);
    }
}
