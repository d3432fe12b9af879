using System.Text.RegularExpressions;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Crisis families added in round 6 (issue 10), each through the engine as a member writes it: VNI digits, held-down letters
/// and teencode; falls into water and electric shocks; a road crash with blood; a child missing at night, snatched onto a
/// bike, lured in behind a shut door or locked in a car; a threat to cut; climbing in over a wall; a beating overheard by a
/// neighbour; being followed on an empty road or watched while home alone; veiled goodbyes; an elder's burden with poison
/// kept; labour far from help; wild mushrooms. And the everyday neighbours of the same words, which must stay quiet.
/// The messages are written here, not copied from the tuning set.
/// </summary>
public sealed partial class CrisisRound6CasesTests
{
    [Theory]
    // Typing left as typed: VNI digits, a letter held down, teencode.
    [InlineData("cho6ng2 em d9ang d9a1nh em", "113")]
    [InlineData("cuuuuu emmmm", "113")]
    [InlineData("k mun song nua dau", "115")]
    // A fall into water, an electric shock: 115.
    [InlineData("ong noi em nga xuong muong sau nha, goi ko thua", "115")]
    [InlineData("thằng bé nhà hàng xóm té xuống ao rồi chị ơi", "115")]
    [InlineData("chau 3 tuoi cham o dien bi giat, gio khoc khong ra tieng", "115")]
    // A road crash with blood: 115.
    [InlineData("xe tong me em o cho, mau chay o dau nhieu lam", "115")]
    // A child missing after dark, snatched, lured in behind a shut door: 111 or 113.
    [InlineData("con gai em 9 tuoi di hoc chua thay ve nha, tim khap noi roi", "111")]
    [InlineData("co thang la mat bong con em len xe may chay mat", "113")]
    [InlineData("ong hang xom du con be vo phong roi khoa trai", "113")]
    // A child forgotten in a locked car: 115.
    [InlineData("be bi bo quen trong xe o to ngoai troi nang", "115")]
    // A threat to cut her throat; an ex climbing in: 113.
    [InlineData("nó cầm dao dọa cắt cổ em", "113")]
    [InlineData("thang chong cu dang leo rao vao nha em", "113")]
    // A neighbour hears blows, a plea, then silence: 113.
    [InlineData("nha ben kia nghe tieng la het, con be ke tha cho con, gio im bat", "113")]
    // Followed on a dark road; a stranger at the gate while she is home alone: 113.
    [InlineData("co 2 thang chay xe theo em ve tan nha, duong toi om em so lam", "113")]
    [InlineData("có người lạ đứng trước cổng từ chiều, em ở nhà một mình", "113")]
    // Veiled goodbyes: no longer a bother, children entrusted, going far: 115.
    [InlineData("từ mai mình sẽ không làm phiền ai nữa, cảm ơn mọi người", "115")]
    [InlineData("em gửi con cho mẹ nuôi giùm, em đi xa lắm, đừng tìm em", "115")]
    [InlineData("con viết thư cho mẹ để dưới gối rồi, cảm ơn mọi người vì tất cả", "115")]
    // An elder who is a burden, the poison kept ready: 115.
    [InlineData("ông già rồi sống làm gì cho con cháu khổ, ông để sẵn chai thuốc diệt cỏ rồi", "115")]
    // Labour far from help: 115.
    [InlineData("vo em chuyen da roi ma nha xa benh vien qua, mua lon", "115")]
    // Wild mushrooms eaten: 115.
    [InlineData("ca nha an nam hai tren nui ve gio non oi", "115")]
    // Drunk, then blows, then she lies still: 115 first.
    [InlineData("bố nó nhậu xong đạp mẹ nó, mẹ nó nằm im không dậy", "115")]
    // Smoke from the next room with people inside; water up to the roof: 114, 112.
    [InlineData("phong tro ben canh boc khoi den mu mit, co nguoi ben trong", "114")]
    [InlineData("nuoc len toi noc nha roi, ca nha dang tren mai", "112")]
    // Two stroke signs together: 115.
    [InlineData("ông nội nói không rõ, tay phải yếu, miệng méo", "115")]
    // A stranger snatching a child into a car; a coin swallowed, then choking: 113, 115.
    [InlineData("có người bắt con gái em lên xe ô tô chạy mất rồi", "113")]
    [InlineData("con em nuốt đồng xu, giờ thở khó", "115")]
    // Packs of sleeping pills swallowed: 115.
    [InlineData("em uong 2 vi thuoc ngu roi", "115")]
    // Strangled, beaten nearly to death: 113.
    [InlineData("chong em bop co em gan chet", "113")]
    [InlineData("ổng đánh em gần chết", "113")]
    // Lured abroad and not allowed out: 113.
    [InlineData("em bị người ta lừa qua Trung Quốc, giờ không có giấy tờ, không được ra ngoài", "113")]
    // Sick of life, wanting to sleep for good: 115.
    [InlineData("em chan doi lam roi, chi muon ngu luon", "115")]
    // Struck on the head with a bottle or a brick: 113.
    [InlineData("ck say ve cam chai bia dap dau e", "113")]
    // Thrown out at night; beaten "quá trời" in teencode: 1900 969 680.
    [InlineData("mẹ con em bị đuổi ra khỏi nhà giữa đêm mưa", "1900 969 680")]
    [InlineData("e bj ck dap wa troi", "1900 969 680")]
    // A letter written and the children sent to grandma: 115.
    [InlineData("e viet san thu roi, gui con cho ba ngoai", "115")]
    // Short English: a child in the pond, labour with no car: 115.
    [InlineData("my neighbour's kid fell in the pond", "115")]
    [InlineData("my wife is in labour and no car", "115")]
    // Water in the house and an old man who cannot walk out: 112.
    [InlineData("nha toi nuoc vao het roi, nguoi gia khong di duoc", "112")]
    // A girl asked to a hotel; a man exposing himself to a child: 111.
    [InlineData("có thằng cứ nhắn tin rủ con gái em 14 tuổi đi khách sạn", "111")]
    [InlineData("ông kia đang vạch quần trước mặt con bé", "111")]
    // Someone at the door now while she is alone and afraid: 113.
    [InlineData("em dang o mot minh, co nguoi go cua lien tuc, em so qua", "113")]
    public async Task CrisisMessage_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("mẹ bồng con lên xe đi chợ")]                        // a mother carrying her child
    [InlineData("gọi con vào nhà ăn cơm rồi đóng cửa")]
    [InlineData("con chạy mất tiêu không chịu ăn")]
    [InlineData("đau nhói như điện giật ở chân")]                   // a figure of speech
    [InlineData("em sắp sinh mà nhà xa bệnh viện, có được hỗ trợ không")] // planning a birth
    [InlineData("vợ ơi về nhà đi, trời mưa to quá")]                 // "vo oi" is not "vỡ ối"
    [InlineData("em sợ không đuổi theo kịp các bạn trong lớp")]
    [InlineData("mua cây kéo cắt vải ở đâu")]
    [InlineData("con ngủ trong ô tô")]
    [InlineData("điện thoại rơi xuống hồ rồi")]
    [InlineData("cảm ơn mọi người, tạm biệt nhé")]
    [InlineData("em mệt quá rồi, nhờ mẹ nuôi giùm con mấy hôm")]
    [InlineData("deadline giết tui rồi")]                           // a thing, not a person
    [InlineData("chơi game bị giết hoài")]
    [InlineData("chồng đánh em thì cần bằng chứng gì để ly hôn")]     // asking about evidence
    [InlineData("nhà em nghe tiếng hát karaoke hàng xóm, giờ im bặt")]
    [InlineData("hái nấm về nấu canh có ngon không")]
    [InlineData("me5 o7i cu71u con la2m ba2i ta65p")]                  // VNI, but homework help
    [InlineData("em nộp cccd làm thẻ bhyt ở đâu")]                    // "cccd" is not a letter held down
    [InlineData("uong ruou xong dap chan di ngu")]                    // đắp chăn, not đạp
    [InlineData("me em dap chan cho con ngu")]
    [InlineData("bếp nhà em bốc khói vì nấu cơm")]
    [InlineData("bà em hay nói ngọng, tay yếu vì già")]              // signs of many years, not a stroke now
    [InlineData("em muốn kết thúc hết các khoản vay")]
    [InlineData("mệt quá muốn ngủ luôn")]
    [InlineData("con nuốt hạt nhãn có sao không")]
    [InlineData("bóp cổ chân cho mẹ đỡ đau")]
    [InlineData("cười gần chết")]
    [InlineData("mua 2 vỉ thuốc hạ sốt cho con uống dần")]
    [InlineData("em đi xuất khẩu lao động sang Nhật, ở cữ không được ra ngoài")]
    [InlineData("đập cục gạch ra làm đôi")]
    [InlineData("em gửi con cho bà ngoại trông để đi làm")]
    [InlineData("nóng quá trời, muốn trốn đi đâu đó")]
    [InlineData("con gái em 16 tuổi đi làm lễ tân khách sạn có được không")]
    [InlineData("em sợ ở nhà một mình, ai gõ cửa cũng không dám mở")]
    [InlineData("nước vào nhà thì có được hỗ trợ không")]
    [InlineData("cách sơ cứu khi trẻ bị điện giật")]                  // a how-to, not an emergency now
    [InlineData("tháng trước con em té xuống ao, giờ có được hỗ trợ gì không")]
    [InlineData("chồng em đi nhậu xong về ngủ luôn")]
    [InlineData("em viết thư cho con gái đi du học, tạm biệt con ở sân bay")]
    [InlineData("tụi nhỏ leo rào vô vườn hái trộm xoài")]
    public async Task EverydayMessage_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }
}
