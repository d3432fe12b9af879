using System.Text.RegularExpressions;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Crisis families added after blind set K was scored (issue 10): a landslide sliding or cracking the ground while it rains;
/// a small child who swallowed a battery, a coin or a magnet; a girl who left to meet a man she met online and is out of
/// contact; a woman forced to entertain customers (her ID held, or through a broker); money for a girl, in English. And the
/// everyday neighbours that must stay quiet: a lottery bet ("đánh con gì"), rain on a dry hill, a swallowed pill as medicine.
/// The messages are written here, not copied from the blind set.
/// </summary>
public sealed partial class CrisisRound8CasesTests
{
    [Theory]
    // A landslide moving now: 112.
    [InlineData("đồi sau nhà nứt một đường dài, mưa to cả đêm, đất cứ trôi xuống", "112")]
    [InlineData("nui sau ban nut 1 duong, dang mua lon, bun dat chay xuong vuon", "112")]
    // A small child who swallowed a battery or a coin: 115.
    [InlineData("thằng bé 3 tuổi nhà em vừa nuốt đồng xu", "115")]
    [InlineData("be 18 thang nuot mat cuc pin cuc ao trong remote", "115")]
    // A girl gone to meet a man she met online, out of contact: 111 (and 113).
    [InlineData("con bé 14 tuổi quen một người trên mạng, đi gặp từ hôm qua giờ không liên lạc được", "111")] // 111 first since round 14 (a child), 113 on the same line
    // Forced to entertain customers, her ID held or through a broker: 113.
    [InlineData("chủ quán giữ căn cước, bắt em tiếp khách, em không về được", "113")]
    [InlineData("bi moi gioi dua len bien gioi roi bat em di khach", "113")]
    // Money for a girl, in English: 113 (and 111).
    [InlineData("her father is selling her to an old man for money, she is 15", "113")]
    public async Task CrisisMessage_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("đề hôm nay đánh con gì dễ trúng")]                       // a lottery bet
    [InlineData("mai đánh con nào vậy mấy chị")]
    [InlineData("mùa mưa sạt lở, nhà em có được hỗ trợ làm lại không")]     // a question about help afterwards
    [InlineData("bé nhà em nuốt viên thuốc hạ sốt rồi, mấy tiếng sau uống tiếp được không")] // medicine taken as meant
    [InlineData("năm ngoái con em nuốt đồng xu, giờ khám lại ở đâu")]        // long past
    [InlineData("em quen chồng qua mạng, giờ muốn vay vốn làm ăn")]          // met online, years ago
    public async Task EverydayMessage_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }
}
