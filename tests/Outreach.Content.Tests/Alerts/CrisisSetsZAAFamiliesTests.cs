using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Round 14: the crisis families behind the misses and false alarms of sets Z and AA, each with our own paraphrases (two or
/// three wordings, with and without accents, some in English) and one or two messages from the sets (marked with their id).
/// A child (111 first, crisis.yaml's <c>leads</c> putting it ahead of trafficking and of danger not happening now): a newborn
/// someone left in a box or a bag, a girl or boy called alone into a private room or a storeroom who comes out frightened, a
/// small child tied to a bed or wasted to the bone, a child lost in a crowd and searched for an hour, a girl pulled to be a
/// wife ("kéo vợ"), a minor brought to a bar who cannot leave or taken abroad for money paid to the parents, a minor lured
/// across the border, a foster child starved or penned. Fire (114): smoke and someone stuck on a balcony or in a room, the
/// stairwell black; smoke through a door gap and no answer; a field fire the wind carries to the shed or the loft. Water and
/// earth (112): a riverbank giving way with a house gone into the river; flood water that came in fast with people stuck.
/// And their quiet neighbours (the false alarms of Z and AA among them).
/// </summary>
public sealed class CrisisSetsZAAFamiliesTests
{
    [Theory]
    [InlineData("sáng nay đi chợ thấy ai bỏ một em bé mới sinh trong bao tải ở bụi chuối đầu làng", "111")]
    [InlineData("someone left a newborn baby in a box at the gate of our temple, it is still crying", "111")]
    [InlineData("co nguoi ta vut dua tre so sinh o bai rac sau cho, con quan khan", "111")]
    [InlineData("có đứa bé sơ sinh ai bỏ trong thùng giấy trước cổng chùa, còn khóc oe oe", "111")] // z-027
    [InlineData("con bé lớp 3 bị ông lao công gọi vào nhà kho một mình, ra thì khóc thút thít không nói gì", "111")]
    [InlineData("thằng cu 9 tuổi cứ bị ông hàng xóm kêu vô phòng riêng, về thì lầm lì, không dám nhìn ai", "111")]
    [InlineData("be lop 4 bi chu bao ve dan vo phong bao ve 1 minh, ra mat tai met, run run", "111")]
    [InlineData("em thấy con bé lớp 5 cứ bị ông bảo vệ trường gọi vô phòng riêng mấy lần, ra thì mặt nó sợ sệt, không dám nhìn ai", "111")] // z-082
    [InlineData("đứa nhỏ 4 tuổi nhà bên bị bà mẹ kế cột chân vô chân giường cả ngày", "111")]
    [InlineData("thằng bé nhà hàng xóm bị xích chân vào cột, người gầy trơ xương", "111")]
    [InlineData("my neighbour's 5 year old is tied to the bed all day and looks like skin and bones", "111")]
    [InlineData("Cháu ngoại tôi 3 tuổi, bố mẹ nó đi làm ăn xa gửi cho người dì. Hôm qua tôi sang thăm thấy cháu bị cột chân vào chân giường, gầy trơ xương", "111")] // z-200
    [InlineData("con tôi 5 tuổi lạc ở hội chợ, tìm gần nửa tiếng rồi không thấy", "111")]
    [InlineData("lạc mất thằng cu ở bến xe, nó 6 tuổi, chạy khắp bến kiếm mà không thấy", "111")]
    [InlineData("be 3 tuoi nha e lac o cho, e kiem hon 1 tieng roi chua thay", "111")]
    [InlineData("e lac con o cho dem, be 4 tuoi mac ao vang, tim gan 1 tieng roi ko thay, e chay het may day hang roi, hoang lam", "111")] // aa-035
    [InlineData("con bé 14 tuổi bị mấy thanh niên bản bên kéo về làm vợ, nó khóc quá trời", "111")]
    [InlineData("chau gai 16 tuoi bi bat ve nha trai theo tuc bat vo, gia dinh ko biet lam sao", "111")]
    [InlineData("o ban e co chau gai 15 tuoi di cho phien bi thanh nien ban ben keo ve lam vo, theo tuc keo vo, bo me chau khoc ma ko biet lam sao, chau dang o nha ho", "111")] // aa-042
    [InlineData("có người đưa con bé 13 tuổi xóm em đi làm bên Lào, trả trước cho ba mẹ nó 15 triệu", "111")]
    [InlineData("a 13 year old girl is working at a bar near the market, she says she cannot leave", "111")]
    [InlineData("ban e co nguoi la den noi dua con gai 13 tuoi di lam ben Trung Quoc, tra truoc cho bo me 20 trieu, mai la dua di roi. e nghe ho ban gia dinh dong y nen ko dam noi", "111")] // aa-038
    [InlineData("Hello, I work for an NGO in Lao Cai. Today I met a 12 year old girl at a karaoke place who says a woman brought her from another province to work there and she cannot leave. Who should I call in Vietnam?", "111")] // aa-044
    [InlineData("người lạ rủ thằng con 14 tuổi sang Campuchia làm việc, hôm qua nó đi theo rồi", "111")]
    [InlineData("con trai tôi 13 tuổi, có người đến rủ sang bên kia biên giới làm thuê, hôm qua nó đi theo họ rồi", "111")] // y-075
    [InlineData("đứa con nuôi nhà bên bị bỏ đói mấy ngày, tối thì bị nhốt ngoài chuồng heo", "111")]
    [InlineData("khói bay ra khe cửa phòng bên, gõ cửa mãi không ai trả lời", "114")]
    [InlineData("smoke is coming under the door of the flat next door and nobody answers when we knock", "114")]
    [InlineData("phong tro ke ben khoi bay qua khe cua, go cua ko ai tra loi, e nghe tieng ho sac sua", "114")] // z-098
    [InlineData("khói đầy hành lang, em với con kẹt trên ban công tầng 5", "114")]
    [InlineData("chung cư có khói, cầu thang đen kịt, mẹ con em kẹt ở trong phòng không ra cửa được", "114")]
    [InlineData("trên tầng 4 chung cư có khói, cầu thang bộ đen kịt, em kẹt ngoài ban công với con", "114")] // z-179
    [InlineData("đốt rác ngoài vườn, gió thổi lửa bay qua chuồng gà, mái rơm đang bắt lửa", "114")]
    [InlineData("ong hang xom dot co, lua bay sang nha kho nha e, dang bat lua roi", "114")]
    [InlineData("chieu nay ong nha dot rom ngoai ruong, tu dung gio noi, lua bay qua chuong bo sat vach nha, rom tren gac dang bat lua", "114")] // aa-056
    [InlineData("bờ sông sạt lở, nhà bên cạnh trôi xuống sông rồi, đất còn rút", "112")]
    [InlineData("bo kenh sat lo, nha e nut toac, nghe dat dang sut", "112")]
    [InlineData("the riverbank collapsed and the house next to ours slid into the river", "112")]
    [InlineData("bo song sat lo hoi khuya, nha ong Tu ke ben sup xuong song roi, nha tui nen nut toac, nghe dat con rut xuong lao xao", "112")] // aa-063
    [InlineData("nước ập vào nhà nhanh quá, mẹ con em kẹt trên gác", "112")]
    [InlineData("flood water came in fast and we are stuck on the second floor with my grandmother", "112")]
    [InlineData("We are stuck in a homestay in Quang Ngai, flood water came in fast and is up to our waist, there is an old woman and a baby with us", "112")] // aa-069
    // Round 14 leftovers: a grill that set the roof alight is still a fire; an old mother locked in is danger now; a small
    // child starved and shut in by an old neighbour is still a child.
    [InlineData("đang nướng thịt thì lửa bén lên mái tôn, cháy lan sang nhà bên rồi", "114")]
    [InlineData("mẹ già nhà bên bị con trai nhốt trong nhà, bỏ đói mấy ngày rồi", "113")]
    [InlineData("ông hàng xóm bỏ đói đứa cháu 5 tuổi, nhốt trong nhà", "111")]
    public async Task Family_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("mua thùng giấy đựng đồ sơ sinh cho em bé ở đâu rẻ")]
    [InlineData("hôm nay đi chùa chụp hình em bé trước cổng chùa dễ thương ghê")]
    [InlineData("con bé lớp 5 bị cô giáo gọi lên phòng hiệu trưởng vì quên bài, về sợ sệt lắm")]
    [InlineData("con gái lớp 2 cột tóc không được, ai chỉ cách cột tóc cho bé")]
    [InlineData("con 5 tuổi gầy trơ xương, biếng ăn, có nên bổ sung vitamin không")]
    [InlineData("bé 3 tuổi đau cột sống hay sao mà cứ khóc")]
    [InlineData("con lạc ở chợ mà tìm thấy ngay rồi, may quá")]
    [InlineData("bị kẹt xe cả tiếng, khói bụi mù mịt")]
    [InlineData("my kid is stuck in traffic on the way home from school")]
    [InlineData("củi ướt khó bắt lửa quá, lửa cứ tắt hoài")]
    [InlineData("đốt rơm ngoài ruộng khói bay qua nhà hàng xóm, họ phàn nàn")]
    [InlineData("bờ sông sạt lở năm ngoái, xã có hỗ trợ di dời không")]
    [InlineData("nước ập vào ruộng nhiều quá, lúa có sao không")]
    [InlineData("con 16 tuổi đi làm thêm ở quán cà phê dịp hè, có cần giấy tờ gì không")]
    [InlineData("tử vi năm nay tuổi tý có hạn gì không chị")]
    [InlineData("tu vi tuoi dan nam nay co han song nuoc ko chi, thay boi noi coi chung chet duoi")] // aa-143
    [InlineData("con hỏi bài: vì sao Mị Châu bị chém, truyền thuyết An Dương Vương")]
    [InlineData("cuu e voi, bai lich su lop 4 hoi Hai Ba Trung khoi nghia nam nao va vi sao hai ba nhay song, mai nop roi")] // aa-135
    [InlineData("chỗ nào tư vấn tâm lý cho phụ nữ như em")]
    [InlineData("hoi nho e bi ong chu ho lam bay, gio e 30 tuoi roi ma van hay mo thay, ko dam ke voi ck. co cho nao tu van cho nguoi nhu e ko")] // aa-085
    [InlineData("ra huyết sau khi quan hệ, đợi đợt khám của hội được không")]
    [InlineData("ra huyet bat thuong sau quan he, doi dot kham cua hoi dc ko")] // z-175
    [InlineData("nướng thịt lửa to quá bị cháy khét")]
    [InlineData("cá nướng bị cháy đen hết, lửa than to quá")]
    [InlineData("người già bị con cái bỏ đói thì báo ở đâu ạ")]
    [InlineData("ông bà già bị con bỏ đói, hội có giúp gì không")]
    public async Task QuietNeighbour_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }

    // Violence not happening now: abuse (1900 969 680) or an answer, never 113 first.
    [Theory]
    [InlineData("năm ngoái em bị chồng đánh, giờ em về nhà mẹ đẻ rồi, muốn hỏi thủ tục ly hôn")]
    [InlineData("nam ngoai e bi ck danh gay tay, bay gio e ve nha me de roi. e muon ly hon ma ko co tien thue luat su, co cho nao giup mien phi ko")] // aa-072
    [InlineData("ổng hổng có đánh, mà đêm nào cũng ép em chuyện vợ chồng dù em đang bệnh, vậy có sao hông chị")] // z-062
    [InlineData("ổng hổng có đánh em, chỉ hay cằn nhằn thôi")]
    [InlineData("chị ơi em hỏi chút là em bị chồng đánh từ hồi mới cưới giờ con em lớn rồi em muốn bỏ đi mà không biết đi đâu ở đâu có chỗ tạm lánh không chị")] // k-063
    public async Task NotAcute_NoEmergencyNumberFirst(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        var first = CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value;
        Assert.False(decision.Kind == AnswerKind.Crisis && first is "113" or "115" or "111", $"{first}: {decision.Text}");
    }
}
