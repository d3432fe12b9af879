using System.Text.RegularExpressions;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// The crisis cases of issue 10, as a member writes them: each answered as a crisis with the right number first (the first
/// emergency number of the first line), and the everyday messages that folding diacritics turned into false alarms.
/// </summary>
public sealed partial class CrisisCasesTests
{
    // The emergency numbers in the order the first line gives them.
    private static List<string> NumbersOfFirstLine(AnswerDecision decision) =>
        CrisisAsk.Numbers().Matches(decision.Text.Split('\n')[0]).Select(m => m.Value).ToList();

    [Theory]
    // Poisoning, overdose, self-harm: 115.
    [InlineData("chồng em vừa uống thuốc trừ sâu, giờ nôn liên tục", "115")]
    [InlineData("mẹ em uống thuốc diệt cỏ rồi chị ơi", "115")]
    [InlineData("em gái em ăn lá ngón sau khi cãi nhau với chồng", "115")]
    [InlineData("con gái em uống hết lọ thuốc của bà", "115")]
    [InlineData("bạn em đang đứng trên sân thượng đòi nhảy lầu", "115")]
    [InlineData("chị hàng xóm vừa nhảy sông", "115")]
    [InlineData("uống bao nhiêu viên thuốc ngủ thì chết", "115")]
    [InlineData("con gái em 14 tuổi bị bạn bè tung ảnh lên mạng chế giễu, giờ nó đòi tự tử", "115")]
    // Medical emergencies: 115.
    [InlineData("con em 2 tuổi uống phải nước tẩy bồn cầu", "115")]
    [InlineData("em sinh được 5 ngày mà ra máu nhiều quá", "115")]
    [InlineData("bà nội tự nhiên méo miệng, tay trái yếu không cầm được đũa", "115")]
    [InlineData("mẹ em đột quỵ, nằm bất động", "115")]
    [InlineData("bà già hàng xóm ngã cầu thang không dậy được", "115")]
    // Danger from a person: 113.
    [InlineData("chồng đang đạp vào bụng em, em đang có bầu", "113")]
    [InlineData("ck cầm búa đuổi em chạy khắp xóm", "113")]
    [InlineData("chồng em dọa đốt nhà nếu em bỏ đi", "113")]
    [InlineData("nó tưới xăng quanh nhà em rồi", "113")]
    [InlineData("có thằng cầm mã tấu đứng trước cổng nhà em", "113")]
    [InlineData("someone is trying to break into my house", "113")]
    [InlineData("em gai toi bi bat coc", "113")]
    [InlineData("nó bắt em gửi ảnh khỏa thân, không gửi thì đăng lên mạng", "113")]
    [InlineData("em bị cưỡng bức tối qua, em không biết làm sao", "113")]
    [InlineData("chồng em ép quan hệ dù em đang ốm", "113")]
    // Trafficking, forced labour: 113.
    [InlineData("chị gái em được người quen rủ sang Trung Quốc làm việc, giờ mất liên lạc 2 tháng rồi", "113")]
    [InlineData("em đi làm ở xưởng, chủ giữ căn cước không cho về, không trả lương", "113")]
    [InlineData("tụi nó nhốt em trong xưởng bắt làm việc không công", "113")]
    // A child at risk: 111.
    [InlineData("sáng nay em thấy một trẻ sơ sinh bị bỏ rơi trước cổng chùa", "111")]
    [InlineData("bố mẹ ép em gái 14 tuổi lấy chồng", "111")]
    [InlineData("nhà kia bỏ con nhỏ 2 tuổi ở nhà một mình mấy ngày", "111")]
    [InlineData("cô giáo đánh con em tím cả lưng", "111")]
    [InlineData("I think my neighbour is beating his kids", "111")]
    [InlineData("con gái tôi 13 tuổi bị thầy dạy thêm giở trò", "111")]
    [InlineData("em 15 tuổi, bố em hay vào phòng sờ người em ban đêm", "111")]
    // Fire: 114. Flood, landslide: 112.
    [InlineData("phòng trọ bên cạnh đang cháy, khói đen nhiều lắm", "114")]
    [InlineData("cháy chợ rồi mọi người ơi", "114")]
    [InlineData("nước lũ lên tới mái nhà rồi, cả nhà đang ở trên mái", "112")]
    [InlineData("sạt lở đất vùi lấp nhà hàng xóm, có người bên trong", "112")]
    [InlineData("nước ngập ngang ngực rồi, ông bà em không đi được", "112")]
    // Without diacritics and in teencode.
    [InlineData("ck e dang danh e", "113")]
    [InlineData("ong ay dang cam dao duoi theo toi", "113")]
    [InlineData("em gai em bi ban sang trung quoc", "113")]
    [InlineData("nha tro dang chay", "114")]
    [InlineData("e vua uong ca vi thuoc ngu", "115")]
    // Domestic violence, not acute: the women's support line.
    [InlineData("chồng em hay đánh em", "1900 969 680")]
    // Round 2 cue families. Southern forms and lashing with a belt or a broom: 113.
    [InlineData("ổng đang quất thằng nhỏ bằng thắt lưng, nó la quá trời", "113")]
    [InlineData("bả cầm cán chổi vụt con bé túi bụi", "113")]
    // Drinking from the bottle, or poison with vomiting: 115.
    [InlineData("bố em vừa nốc hết nửa chai thuốc sâu", "115")]
    [InlineData("cháu bé nghịch gói thuốc chuột, giờ nôn mửa", "115")]
    // Smoke in a building, a gas leak: 114.
    [InlineData("hành lang khu trọ đầy khói, tụi em kẹt trên tầng 4", "114")]
    [InlineData("bếp ga nhà em bị rò rỉ, mùi nồng lắm", "114")]
    [InlineData("mùi gas nồng nặc khắp phòng", "114")]
    // Signs a child was abused by someone who lured her: 111.
    [InlineData("ông hàng xóm hay gọi con gái em sang cho bánh, tối nay cháu kêu đau vùng kín", "111")]
    // Self-harm said without "chết": relief, a goodbye, children left to someone, a jump: 115.
    [InlineData("em mệt rồi, chắc em ra đi cho nhẹ nợ mọi người", "115")]
    [InlineData("mẹ gửi con lại, nhờ bà nuôi giùm, mẹ đi xa mãi", "115")]
    [InlineData("đứng trên cầu nghĩ nhảy xuống cho hết khổ", "115")]
    // Signs of a landslide in heavy rain, a storm that took the roof with people who cannot walk: 112.
    [InlineData("đồi sau nhà có vết nứt to, mưa lớn mấy ngày rồi", "112")]
    [InlineData("bão tốc mái nhà em, mẹ em già đi không nổi", "112")]
    // Someone forcing the door; a threat to kill the whole family: 113.
    [InlineData("có người lạ đang cạy cửa nhà em", "113")]
    [InlineData("co nguoi la dang cay cua nha em", "113")]
    [InlineData("chồng em nói sẽ cho cả nhà cùng chết", "113")]
    // Control without locking her in (no work, no visits, phone taken) is domestic violence, not an emergency.
    [InlineData("chồng không cho em đi làm, giữ luôn điện thoại của em", "1900 969 680")]
    // Round 3. An overdose said by the packet, a drink that poisons (breathing, cold skin), poisonous mushrooms: 115.
    [InlineData("bà em nuốt nguyên vỉ thuốc huyết áp, gọi không dậy", "115")]
    [InlineData("chồng em uống rượu giả, giờ thở dốc, người lạnh toát", "115")]
    [InlineData("cả nhà ăn nấm rừng giờ nôn liên tục", "115")]
    // Self-harm said as thoughts of death, a height, hopelessness with "cho xong", an apology after pills, a suicide note: 115.
    [InlineData("mấy hôm nay em cứ nghĩ đến cái chết", "115")]
    [InlineData("chị ơi em đang đứng trên cầu", "115")]
    [InlineData("em mệt quá rồi, không ai cần em nữa, chắc đi cho xong", "115")]
    [InlineData("em uống thuốc rồi, em xin lỗi mọi người", "115")]
    [InlineData("con bé 16 tuổi viết thư tuyệt mệnh để trên bàn", "115")]
    // Heavy bleeding from a wound, danger signs in a pregnancy, a bad scald: 115.
    [InlineData("bé nhà em bị chó cắn chảy nhiều máu", "115")]
    [InlineData("bụng bầu đau dữ dội, ra nước ối", "115")]
    [InlineData("con em bị bỏng nước sôi cả người", "115")]
    // Telex left in ("cứu tôi, chồng tôi đang đánh tôi"); a stalker at the gate; a child beaten with a cane now: 113.
    [InlineData("cuwus tooi, choongf tooi ddang ddanhs tooi", "113")]
    [InlineData("có kẻ lạ theo dõi em mấy hôm, giờ đang đứng trước cổng nhà", "113")]
    [InlineData("ông hàng xóm đang cầm roi mây đánh thằng bé 6t", "113")]
    // A child abused ("chuyện đồi bại", "đụng chạm vùng kín"), a child covered in bruises: 111.
    [InlineData("chồng tôi làm chuyện đồi bại với con gái riêng của tôi", "111")]
    [InlineData("thầy dạy thêm đụng chạm vùng kín con gái em lớp 6", "111")]
    [InlineData("có một bé trai lang thang ngoài chợ, người đầy vết bầm", "111")]
    // A kitchen on fire, "cháy" with a cry for help: 114. A flash flood, water still rising, a house about to fall: 112.
    [InlineData("bếp nhà em bắt lửa, lửa to lắm", "114")]
    [InlineData("cháy rồi, cứu với", "114")]
    [InlineData("lũ quét cuốn mất hai người trong bản", "112")]
    [InlineData("nước đã lên tới đầu gối mà vẫn đang dâng", "112")]
    [InlineData("bão to quá, nhà em sắp sập rồi", "112")]
    // A stranger following her home: 113. Weed killer drunk by mistake, a sudden fall and no speech, a razor blade in her
    // hand: 115. A child burned with a cigarette, a child a stranger lured away and now missing: 111.
    [InlineData("có thằng đàn ông lạ cứ đi theo em từ chợ về tới nhà", "113")]
    [InlineData("bà ngoại uống nhầm thuốc trừ cỏ tưởng là nước", "115")]
    [InlineData("mẹ em đang nấu cơm tự nhiên ngã ra, nói không được", "115")]
    [InlineData("chị ơi em đang cầm dao lam, em không chịu nổi nữa", "115")]
    [InlineData("đứa cháu 5 tuổi bị mẹ kế dí tàn thuốc vào tay", "111")]
    [InlineData("có người lạ dụ con em đi theo, giờ không thấy con đâu", "111")]
    // Chased by a drunk father, a threat from someone waiting below the house, tied up: 113. A bottle of liniment swallowed,
    // lying without moving after a stroke, "kết thúc mọi thứ": 115. Smoke coming out next door: 114. Cracks in the ground
    // in heavy rain: 112. A 14-year-old lured into sex: 111. Her father-in-law groping her: the women's support line.
    [InlineData("ba say rượu đang rượt mẹ em chạy quanh xóm", "113")]
    [InlineData("thằng người yêu cũ đứng dưới nhà hăm dọa, em sợ quá", "113")]
    [InlineData("chong dang lay day troi em lai", "113")]
    [InlineData("con tôi uống phải dầu gió cả chai", "115")]
    [InlineData("ba em bị đột quỵ, giờ nằm không nhúc nhích", "115")]
    [InlineData("bạn em nói muốn kết thúc mọi thứ tối nay", "115")]
    [InlineData("nhà bên cạnh có mùi khét và khói bay ra", "114")]
    [InlineData("mưa lớn quá, đất sau nhà bắt đầu nứt", "112")]
    [InlineData("con gái 14 tuổi bị bạn trai hơn 20 tuổi dụ quan hệ", "111")]
    [InlineData("bố chồng hay sàm sỡ em khi chồng đi vắng", "1900 969 680")]
    // Beaten again and again ("hoài"), not said to be now: the women's support line.
    [InlineData("bạn thân em bị chồng đánh hoài mà không chịu bỏ", "1900 969 680")]
    // Round 4 (set G). A scald with boiling water or hot oil, a letter left under the pillow, going to the bridge when no
    // one needs her, "đừng tìm em" after a goodbye, a jump "cho xong": 115.
    [InlineData("con bé nhà em làm đổ chảo dầu nóng vào chân, da phồng rộp hết", "115")]
    [InlineData("em viết sẵn thư cho con rồi, em mệt mỏi quá", "115")]
    [InlineData("dem nay e ra cau, khong ai can e nua", "115")]
    [InlineData("cảm ơn mọi người, tạm biệt mọi người, đừng tìm em nữa", "115")]
    [InlineData("bi cuoi nhao hoai, em muon nhay xuong song cho xong", "115")]
    // A sister held abroad until a ransom is paid, a teenager whose phone was taken and who may not go home, a karaoke bar
    // forcing her to entertain clients, sold as a wife, a passport taken and a locked room, papers asked before a trip
    // abroad with no visa: 113.
    [InlineData("em gái em sang Lào làm, giờ bị giữ lại, bọn nó đòi tiền chuộc mới thả", "113")]
    [InlineData("quán giữ em lại, bắt tiếp khách, không cho em về", "113")]
    [InlineData("cô em bị bán cho một ông bên kia làm vợ", "113")]
    [InlineData("they took my passport and locked me in a room", "113")]
    [InlineData("nguoi ta bao di Nhat khong can visa, bat e nop cccd truoc", "113")]
    [InlineData("e 15 tuoi, co nguoi ru di lam quan, gio ho giu dt cua e ko cho e ve", "111")] // a child: 111 first (round 14), 113 on the same line
    // A stranger pulling a child into a car now: 113 first, then 111.
    [InlineData("có người lạ đang lôi thằng bé lên ô tô trước cổng", "113")]
    // A girl caught as a bride, a man in a girl's room at night, a child behind closed doors who does not answer: 111.
    [InlineData("con bé nhà hàng xóm 15 tuổi bị bắt về làm vợ", "111")]
    [InlineData("em 12 tuoi, dượng hay vào phòng em ban đêm", "111")]
    [InlineData("con gái em sang nhà ông ấy chơi, giờ đóng kín cửa, gọi mãi không thấy con trả lời", "111")]
    // A factory on fire with the exits locked, thick black smoke with someone trapped upstairs, gas smelt strongly typed
    // with the input method off ("gas" reads as Telex "gá"): 114.
    [InlineData("nhà máy đang cháy, cửa thoát hiểm bị khóa", "114")]
    [InlineData("khói đen nghịt bốc ra từ nhà bên, còn người kẹt trên gác", "114")]
    [InlineData("mui gas nong nac ca phong, binh gas bi xi", "114")]
    // Flood on the roof (English), a boat missing in a storm, someone swept away, water a metre deep with a bedridden
    // man: 112.
    [InlineData("the flood is rising and we are on the roof", "112")]
    [InlineData("ghe của ba em ra khơi mất liên lạc từ hôm qua, biển đang bão", "112")]
    [InlineData("thằng em tắm sông bị nước cuốn trôi, mọi người đang tìm", "112")]
    [InlineData("nước ngập hơn một mét rồi, mẹ em nằm liệt không đi được", "112")]
    // A message that is nothing but a plea: 113.
    [InlineData("cứu", "113")]
    [InlineData("cuu", "113")]
    [InlineData("sos", "113")]
    [InlineData("chị ơi cứu em", "113")]
    [InlineData("o dien nha e no lua, chay len rem cua roi", "114")] // plain "cháy" with what it reaches
    [InlineData("xuong may dang chay, khoi mu mit", "114")]
    public async Task CrisisMessage_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, NumbersOfFirstLine(decision).FirstOrDefault());
    }

    [Fact]
    public async Task ChildRapedNow_113FirstThen111()
    {
        var decision = await CrisisAsk.AskAsync("bố dượng đang hiếp con gái em");

        Assert.Equal(["113", "111"], NumbersOfFirstLine(decision).Distinct().Take(2));
    }

    [Theory]
    [InlineData("chương trình giảm nghèo")]       // "giảm" typed with its tone is not "giam" (lock up)
    [InlineData("giám sát viên")]                 // nor is "giám"
    [InlineData("da em dang can vay von")]        // dạ, em đang cần vay vốn: "da" opening the message is not a kick
    [InlineData("ban sang nha em choi")]          // bạn sang nhà em chơi: not "bán sang"
    [InlineData("chong em da dong tien hoi phi")] // chồng em đã đóng tiền: "đã", not "đá"
    [InlineData("em dang giam can")]              // đang giảm cân
    [InlineData("em muon tu tu tim hieu vay von")] // từ từ, not tự tử
    [InlineData("danh sach ho ngheo o xa")]
    [InlineData("chong em hay danh bac")]
    [InlineData("con em dang chay nhay ngoai san")]
    [InlineData("mua thuoc tru sau o dau re")]
    [InlineData("phong chong xam hai tre em la gi")]
    [InlineData("lu lut sat lo goi so nao")]
    [InlineData("giữ căn cước cẩn thận khi đi làm xa")]
    [InlineData("bà em bị tai biến mấy năm nay có được hỗ trợ gì không")]
    [InlineData("phòng cháy chữa cháy ở khu trọ")]
    [InlineData("trời mưa lớn, đang đi đường")]
    [InlineData("nhà bị cháy năm ngoái, hội có hỗ trợ làm lại nhà không")]
    [InlineData("em đi chợ về bị cháy nắng")]
    [InlineData("nhà em phá cửa cũ làm cửa mới")]
    [InlineData("con em bị ngã xe đạp trầy chân")]
    [InlineData("nhà em bị ngập nước, đang dọn dẹp, có người giúp")]
    [InlineData("rut bhxh 1 lan duoc khong, em dong tu nguyen")]
    [InlineData("phim Hàn có cảnh chồng đánh vợ tên gì")]          // a film
    [InlineData("vụ cháy chợ năm 2019 thiệt hại bao nhiêu")]       // a past year: news, not a fire now
    [InlineData("nhà em bị bão làm sập mái năm ngoái, hội có hỗ trợ không")]
    [InlineData("hôm nay nấu nồi cơm bị cháy khét")]
    [InlineData("bác sĩ khám cho con bé bị đau vùng kín do viêm")] // no one lured her, no one did it
    [InlineData("cách mài dao cho sắc")]
    [InlineData("lúa chết hết vì hạn, có được vay vốn không")]
    [InlineData("chi oi mua thuoc tru sau o dau")]                 // "oi mua" is not "ói mửa"
    [InlineData("mon cua cay nau sao")]                            // cua cay, not cạy cửa
    [InlineData("em nen di kham o dau")]                           // nên, not nện
    [InlineData("tối nay đội tuyển đá với Thái Lan mấy giờ")]      // a match, not a kick
    [InlineData("trời ơi ngập hết đường rồi, không đi chợ được")]  // one phrase is not both a flood and its urgency
    [InlineData("đợt lũ vừa rồi hội có cứu trợ gì không")]         // "cứu" inside "cứu trợ"; "vừa rồi" is past
    [InlineData("hôm nay mệt chết đi được")]
    [InlineData("chết cười với thằng bé nhà em")]
    [InlineData("em hay giết thời gian bằng cách xem phim")]
    [InlineData("shop cháy hàng rồi chị ơi")]
    [InlineData("chất dễ bắt lửa nên cất ở đâu")]
    [InlineData("bão số 3 năm 2024 làm tốc mái nhà em, có được hỗ trợ không")]
    [InlineData("em đánh máy chậm lắm, muốn học tin học")]
    [InlineData("thằng bé xem phim hài cười lăn ra")]
    [InlineData("bà hay véo má cháu")]
    [InlineData("con mèo nhà em bỏ ăn mấy hôm nay")]                 // "con" is not "cồn"
    [InlineData("trời ơi hôm nay nóng quá")]                         // "trời" is not "trói"
    [InlineData("con mèo đang rượt con chuột")]                      // nobody chases a person
    [InlineData("bếp nhà em hay có mùi khét khi nấu")]
    [InlineData("bà nội nằm không nhúc nhích được vì đau lưng mấy năm nay")] // not sudden, no stroke
    [InlineData("báo đăng vụ tự tử ở cầu, đọc mà buồn")]             // a case in the news
    [InlineData("năm 2018 chồng cũ đánh em gãy tay, giờ em ở riêng rồi, ly hôn cần gì")] // a past year: help afterwards
    [InlineData("cá kho bị cháy khét rồi, cứu với, khử mùi sao")]   // a kitchen mishap
    [InlineData("nghiên cứu")]                                       // "cứu" inside a word, not a plea
    [InlineData("em cần cứu vãn hôn nhân")]
    [InlineData("xưởng em đang chạy đơn hàng Tết")]                  // a factory running, not burning
    [InlineData("chồng em đi biển về rồi, mai đi tiếp")]
    [InlineData("con bé viết thư cho mẹ chúc mừng sinh nhật")]
    [InlineData("chồng đi làm ở Hàn, em muốn vay vốn")]
    [InlineData("ạ")]                                               // a lone filler or a bot command is not a plea
    [InlineData("help")]
    [InlineData("bão làm mất điện cả xóm, bao giờ có điện lại")]
    [InlineData("em giữ lại hóa đơn rồi")]
    [InlineData("con em 5 tuổi hay vào phòng em ban đêm vì sợ ma")]  // the child visits; no man in her room
    [InlineData("chồng em đi biển chưa về, em muốn vay vốn mua ghe")]
    [InlineData("em ra sông giặt đồ, em đi đây")]
    [InlineData("em 13 tuổi, không dám kể với bố chuyện điểm kém")]
    [InlineData("cty e dang chay deadline, met qua")]              // đang chạy (running), not đang cháy, typed plain
    [InlineData("xuong e dang chay don tet")]
    [InlineData("ba em bi bong nhe o tay do nuoc soi")]           // a mild burn
    public async Task EverydayMessage_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }
}
