using System.Text.RegularExpressions;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Crisis families added in round 5 (issue 10), each through the engine as a member writes it: a baby gone limp after being
/// shaken or falling (115), southern words for a beating and a man fetching a weapon (113), a veiled goodbye by giving her
/// things away (115), a bare "giết" said of a person (113); and the everyday uses of the same words that must stay quiet.
/// The messages are written here, not copied from the tuning set, so they test the family rather than one wording.
/// </summary>
public sealed partial class CrisisVeiledCasesTests
{
    [Theory]
    // A baby or a child gone limp, drowsy, not crying: 115.
    [InlineData("bà nội lắc mạnh đứa bé cho nín, giờ nó mềm nhũn", "115")]
    [InlineData("con em mới 5 tháng bị ngã từ giường xuống, giờ ngủ li bì gọi không tỉnh", "115")]
    [InlineData("be nha em 8 thang sot cao, gio lo do bo bu", "115")]
    // Southern words for a beating; a man fetching a weapon after a blow or while she is afraid: 113.
    [InlineData("thằng chồng em say về quánh em bầm mặt, giờ nó xuống bếp lấy dao, em sợ quá", "113")]
    [InlineData("ổng uýnh tui hoài, bữa nay ổng đi kiếm cây mác", "113")]
    // A bare "giết" with a person who does it: 113.
    [InlineData("ông chồng em mà biết chắc giết em mất", "113")]
    [InlineData("em sợ anh ta giết em lắm", "113")]
    // Giving away what she owns, not needing it any more, an apology passed on: 115.
    [InlineData("em đã tặng hết đồ đạc cho mấy đứa em, chắc em không cần nữa đâu", "115")]
    [InlineData("nhắn với mẹ là con xin lỗi, con đã cho hết đồ rồi", "115")]
    [InlineData("minh dem cho het quan ao roi, tu mai chac khong can nua", "115")]
    // An accident happening now or with someone hurt: 115.
    [InlineData("chồng em vừa bị tai nạn xe máy, chảy máu nhiều", "115")]
    [InlineData("có người bị tai nạn ngoài đường nằm bất tỉnh", "115")]
    // Joining someone who died, the means made ready, a goodbye then silence: 115.
    [InlineData("chắc em đi theo ba em luôn cho rồi", "115")]
    [InlineData("em mua sẵn than rồi", "115")]
    [InlineData("con em 16 tuổi nhắn tin vĩnh biệt rồi tắt máy", "115")]
    // No more heart for anything and a goodbye; "I can't take it" and an apology to her children: 115.
    [InlineData("em khong con thiet tha gi nua, moi nguoi cu song vui ve nhe", "115")]
    [InlineData("chị ơi, em chịu không nổi nữa rồi, em xin lỗi các con", "115")]
    // "Otherwise I kill": a threat, not a negation: 113.
    [InlineData("nó bắt em chuyển tiền không thì giết con em", "113")]
    // A man lurking night after night, back tonight: 113.
    [InlineData("có thằng rình trước nhà em mấy đêm, đêm nay lại tới", "113")]
    // A small child alone for days; a stepfather sharing a bed with his wife's daughter: 111.
    [InlineData("bé 3 tuổi nhà bên ở nhà 1 mình 2 ngày rồi, khóc quá", "111")]
    [InlineData("thằng dượng nó ngủ chung với con gái riêng của vợ", "111")]
    // A fall on the head, vomiting, drowsy: 115 (a fall, not a blow).
    [InlineData("mẹ chồng ngã đập đầu, nôn mửa, lơ mơ", "115")]
    // A fall, then no answer: 115.
    [InlineData("bà cụ nhà bên ngã trong nhà tắm, gọi không trả lời", "115")]
    [InlineData("con em hay khóc đêm, giờ tự nhiên co giật", "115")]
    // A stranger leading a child away: 111 (as for a lured child who is missing).
    [InlineData("có ông lạ cho kẹo rồi dắt con bé hàng xóm đi đâu mất", "111")]
    // Buried by a landslide: 112.
    [InlineData("sạt lở vùi mấy người trong xóm", "112")]
    public async Task CrisisMessage_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("học toán giết em mất thôi")]                       // a thing, not a person, "kills" her
    [InlineData("nắng nóng thế này giết người mất")]
    [InlineData("công việc cuối năm giết em mất, mệt xỉu")]
    [InlineData("phim này cảnh giết người ghê quá")]                // a film
    [InlineData("chi hoi truong bat dong tien quy hang thang")]     // bắt đóng tiền, typed plain, is not "bất động"
    [InlineData("giá bất động sản ở xã em tăng quá")]
    [InlineData("em cầm dao thái thịt bị đứt tay")]                 // a knife in the kitchen
    [InlineData("chồng em ra vườn lấy liềm cắt cỏ")]                // a tool fetched for work
    [InlineData("mẹ đi lấy dao chặt gà")]
    [InlineData("em cho hết quần áo cũ cho từ thiện rồi")]          // giving things away, nothing else
    [InlineData("cái máy này từ mai chắc không cần nữa")]
    [InlineData("chiều nay bán hàng mệt lả người")]                 // an adult tired, not a limp baby
    [InlineData("ck e bị tai nạn mất việc, nhà 2 đứa nhỏ, hội có giúp gì ko")] // the accident that cost him his job
    [InlineData("mẹ em bị điện giật năm ngoái, giờ có được hỗ trợ gì không")]
    [InlineData("bé nhà em hay bị co giật khi sốt, lần trước bác sĩ bảo sao")] // a question about a habit, not a seizure now
    [InlineData("thằng bé đánh nhau ở trường bị cô phạt")]          // children fighting each other
    [InlineData("mua sẵn than để nướng thịt tối nay")]              // charcoal for the grill
    [InlineData("em đi theo mẹ đi chợ")]
    [InlineData("xem phim kinh dị sợ muốn chết")]                     // "muốn chết" after fear, hunger, heat: a figure of speech
    [InlineData("đang cho con bú có uống thuốc tránh thai được không")] // asking whether a medicine may be taken
    [InlineData("em đi làm cả ngày, con 8 tuổi ở nhà 1 mình có sao không")] // a parent's question
    public async Task EverydayMessage_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }
}
