using System.Text.RegularExpressions;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Crisis families found by sets N and Q (issue 10, the round after blind set K), each with its first number, and the
/// everyday neighbours that must stay quiet: a past time speaks for its own sentence only (a loan or a flood last year, then
/// an emergency now); "1" for "một"; a snake bite; a seizure in folk words; an appliance smoking or sparking; followed on a
/// motorbike on an empty road; hiding from a man who fetched a blade; an ex at the door threatening to burn her room; flood
/// water at the windows with the family in the attic; a stepfather's images and a secret; a child pulled into a room and
/// the door bolted; a goodbye on a bridge; means gathered with relief; recruited for a job then out of contact; made to
/// live with a man abroad. Quiet: asking what a medicine does in excess, games, drills and first-aid classes, "cứu em với"
/// before a deadline, "mẹ kế" (not "kề"), "tư vấn" typed plain (not "tự vẫn"), "vui" (not "vùi"), "đợi đợt" (not "đòi
/// đốt"), a grown daughter beaten by her husband (abuse, not a child), kept at home (abuse, not 113), a woman back home
/// after trafficking. The messages are written here, not copied from the sets.
/// </summary>
public sealed partial class CrisisSetsNQCasesTests
{
    [Theory]
    // A past time in an earlier sentence does not cancel an emergency now.
    [InlineData("Năm ngoái em có vay 20 triệu hội, giờ hỏi chút. Mà khoan, con em vừa uống nhầm nửa chai nước tẩy bồn cầu", "115")]
    [InlineData("Hồi năm rồi nhà em được hội cho gạo sau bão. Giờ nước sông lên nhanh lắm, cả nhà phải trèo lên gác rồi", "112")]
    // "1" for "một"; means gathered.
    [InlineData("me em dang ngu 1 giac ko day nua, thuoc ngu da gom du roi", "115")]
    [InlineData("chắc em được giải thoát thôi, thuốc chuột em mua để sẵn rồi", "115")]
    // A snake bite; a seizure said the folk way.
    [InlineData("ba em di lam rẫy bị rắn lục cắn vô bắp chân, giờ chân sưng to", "115")]
    [InlineData("con tui 2 tuổi sốt cao, tự nhiên gồng cứng người, tay chân giật giật", "115")]
    // An appliance sparking and smoking.
    [InlineData("cục sạc xe máy điện trong nhà đang tóe lửa, bốc khói đen", "114")]
    // Followed on an empty road; hiding from a man who fetched a knife; an ex at the door threatening arson.
    [InlineData("có thằng lạ chạy xe theo tui từ chỗ làm về, đường đồng vắng teo, tui sợ lắm", "113")]
    [InlineData("ổng say về đi lấy con dao ngoài bếp, mẹ con em đang núp sau nhà", "113")]
    [InlineData("nyc cua e dang dap cua phong tro, e ko dam mo, no doa ko ra thi no dot phong", "113")]
    // Flood water at the windows, the family in the attic.
    [InlineData("nước lũ lên tới cửa sổ, mẹ con tôi leo lên gác mà nước vẫn lên", "112")]
    // A child: a stepfather's images and a secret; pulled into a room, the door bolted (now: 113 first).
    [InlineData("em 14 tuổi, dượng hay gửi hình kì kì cho em và bảo không được nói với mẹ", "111")]
    [InlineData("ông hàng xóm xỉn rồi lôi con bé 9 tuổi vô buồng, gài cửa trong", "113")]
    // A goodbye on a bridge.
    [InlineData("đây là tin nhắn cuối của em, em đang ngồi trên cầu, cảm ơn mọi người", "115")]
    // Recruited for a job, then out of contact; made to live with a man abroad.
    [InlineData("con gái tôi 17 tuổi được người quen giới thiệu đi làm quán ăn, giờ mất liên lạc 5 ngày", "111")] // a child trafficked: 111 first (round 14, crisis.yaml leads), 113 on the same line
    [InlineData("chị tôi được người quen rủ đi làm giúp việc trên thành phố, giờ thuê bao hoài, người đó cũng chặn số", "113")]
    [InlineData("em bị đưa sang bên Trung, họ bắt em ở với một ông già, em không có giấy tờ", "113")]
    // Bleeding after a birth that soaks the towels; a veiled goodbye with thanks for listening (found by probes of this round).
    [InlineData("chị dâu em vừa sinh xong ở nhà, máu ra ướt hết mấy cái khăn", "115")]
    [InlineData("cảm ơn chị đã lắng nghe em mấy tháng qua, em không làm phiền ai nữa đâu", "115")]
    [InlineData("sinh được 5 ngày rồi mà máu vẫn ra ồ ạt", "115")]
    [InlineData("con em bị rắn cắn, sơ cứu thế nào", "115")]                // bitten: an emergency even asked as a how-to
    // Rising water, in English, with the family on the roof.
    [InlineData("the water is rising fast, we are on the roof with kids", "112")]
    // Took too much of a medicine: still an overdose.
    [InlineData("e lỡ uống quá liều thuốc tránh thai rồi, có sao ko", "115")]
    public async Task CrisisMessage_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("thuốc tránh thai uống quá liều có sao không")]           // asking about a medicine, nobody took it
    [InlineData("uống nhiều vitamin quá có hại không")]
    [InlineData("game liên quân bị bắn chết hoài, cay quá")]              // a game
    [InlineData("chi hội muốn mời cán bộ về dạy sơ cứu người đuối nước cho chị em")] // a first-aid class
    [InlineData("cứu em với, mai là hạn chót nộp hồ sơ vay vốn rồi")]      // a deadline
    [InlineData("mấy chị ơi cứu em với, con em không chịu ăn cơm")]         // a child who will not eat
    [InlineData("nhà em ở gần sông, mùa lũ năm nào cũng ngập tới cửa sổ, có hỗ trợ nâng nhà không")] // every year
    [InlineData("con bé nhà em 10 tuổi hay tự nhốt mình trong phòng chơi điện thoại")] // shuts herself in
    [InlineData("thằng bé nhà em nghịch quá, hay đánh em nó")]              // a child hitting his little brother
    [InlineData("em co nguoi quen gioi thieu di lam o trung quoc, ko biet tieng co sao ko")] // before going
    [InlineData("người quen giới thiệu đi làm Đài Loan, không cần hộ chiếu, có nên đi không")]
    [InlineData("đi du lịch Hàn Quốc mà không có hộ chiếu thì làm sao")]
    [InlineData("em làm thợ hồ hay bị búa đập trúng tay, có bảo hiểm không")] // a work accident
    [InlineData("rác nhiều quá không ai dọn thì tui đốt luôn cho rồi")]
    [InlineData("mắt em giật giật mấy hôm nay")]
    [InlineData("rắn cắn thì sơ cứu thế nào")]                             // how to, nobody bitten
    [InlineData("con em sốt cao có bị co giật không, phòng thế nào")]
    [InlineData("cháu gái tôi bị mẹ kế bắt làm việc nhà nhiều quá, tôi nên nói sao")] // "mẹ kế", not "kề"
    [InlineData("chị em muốn tư vấn luật miễn phí thì liên hệ ai")]
    [InlineData("ngực em có cục nhỏ, có nên đợi đợt khám của hội không")]  // "đợi đợt", not "đòi đốt"
    [InlineData("hôm nay đi họp vui ghê, mưa bão mà đông đủ")]             // "vui", not "vùi"
    [InlineData("năm ngoái nhà em bị cháy bếp, giờ sửa xong rồi, cảm ơn hội")]
    [InlineData("năm 2023 em bị người quen giới thiệu đi làm rồi mất liên lạc, giờ về rồi, hội có hỗ trợ học nghề không")]
    [InlineData("hội có giúp chị em bị lừa bán đã trở về không")]          // back home
    [InlineData("làm sao nhận biết mấy vụ mua bán người")]                  // how to recognise it
    [InlineData("ổ điện nhà em hay bị chập, hội có hỗ trợ sửa không")]
    [InlineData("chồng em đi làm xa, hứa gửi tiền về mà giờ không liên lạc được, em vay vốn được không")]
    [InlineData("nồi cơm điện bốc khói nghi ngút thơm phức")]
    [InlineData("mẹ em bị rắn cắn hồi năm ngoái, giờ khỏi rồi")]
    public async Task EverydayMessage_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }

    [Theory]
    [InlineData("con gái tôi lấy chồng xa, thằng rể hay đánh nó, tôi giúp được gì")] // a grown daughter: abuse, not a child
    [InlineData("chồng không cho tôi ra khỏi nhà, cấm đi họp hội")]             // kept at home: control
    [InlineData("ck hay tát e, e muốn hỏi ly hôn thì có được quyền nuôi con không")] // custody asked about
    public async Task AbuseNotAcute_SupportLineFirst_Not113(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal("1900 969 680", CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }
}
