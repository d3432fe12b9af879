using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Round 16 (crisis-round16.yaml): the crisis families behind the misses and false alarms of sets HH and II, each with our
/// own paraphrases (with and without accents, some in English) and the set's message (marked with its id). Rescue (114):
/// people stuck in a lift between floors; an explosion that brought part of a building down with people inside; a fire told
/// by the smoke filling the stairs with someone stuck upstairs (114 before the plea's 113). Water (112): someone swept off a
/// ford and clinging to a tree in the middle of the stream; a school cut off with the water up to the chest ("xung quanh"
/// typed plain is not "quánh", a blow); a boat not back when the wind got up. Self-harm (115): a goodbye, the door locked,
/// moaning or blood under it ("khe cua co mau" typed plain is not "cứa cổ"). And their quiet neighbours: a dream and the
/// number to bet on it, a joke or a match that "kills", a first-aid class, English praise, a fire drill, the Dao people,
/// the trusted address, an accident long past, a lift that often breaks down. Threats by text from a husband, an ex or a
/// brother with nothing physical yet are abuse (1900 969 680 first), not 113.
/// </summary>
public sealed class CrisisRound16Tests
{
    [Theory]
    [InlineData("cứu với, thang máy tòa nhà em đứng im giữa tầng 9 với tầng 10 hơn nửa tiếng rồi, trong này có 5 người, bắt đầu ngột ngạt", "114")]
    [InlineData("thang may benh vien bi ket, ba em dang ngoi xe lan o trong, bam nut bao dong ma ko ai toi", "114")]
    [InlineData("con trai em 8 tuổi mắc kẹt trong thang máy chung cư một mình, nó khóc qua điện thoại, bảo vệ không nghe máy", "114")]
    [InlineData("My mother and my baby are stuck in the lift of our apartment block, it stopped between floors and nobody answers the alarm", "114")]
    [InlineData("thang máy khách sạn tụt xuống một đoạn rồi kẹt cứng, tụi em 4 người bên trong không mở cửa được, sợ quá", "114")]
    [InlineData("me em bi nhot trong thang may nha xe 30 phut roi, dien thoai sap het pin", "114")]
    [InlineData("hai me con tui bi ket trong thang may chung cu o Vinh hon 40 phut, bam chuong ko ai nghe, con nho kho tho", "114")] // hh-089
    [InlineData("thang máy chung cư kẹt giữa tầng 40 phút rồi trong có bà bầu với đứa nhỏ nóng ngột ngạt bấm chuông hông ai trả lời", "114")] // ii-004
    [InlineData("nha ben canh vua no binh ga, sap mai bep, nghe tieng nguoi rên ben trong", "114")]
    [InlineData("xưởng hàn ở đầu thôn phát nổ, tường đổ xuống, có 2 thợ còn kẹt bên trong", "114")]
    [InlineData("tiếng nổ rầm một cái, căn nhà trọ đối diện sập mất một nửa, có người kêu cứu dưới đống gạch", "114")]
    [InlineData("a gas tank just exploded in the shop next door, part of the roof fell in and someone is screaming inside", "114")]
    [InlineData("Vừa có tiếng nổ lớn ở chỗ làm pháo lậu đầu xóm, sập một góc nhà, nghe có người kêu ở trong", "114")] // hh-003
    [InlineData("cuu voi, nha em dang chay, em voi con o tren lau, cau thang day khoi", "114")]
    [InlineData("cứu chị, tiệm tạp hóa đang cháy, chị kẹt trên gác, cầu thang toàn khói", "114")]
    [InlineData("cuu e, tiem tap hoa cua e dang chay, e o tren gac ko xuong dc, cau thang toan khoi", "114")] // hh-105
    [InlineData("ba em lội qua ngầm thì bị nước xô ngã, giờ đang ôm gốc cây giữa suối, nước chảy mạnh quá không ai ra được", "112")]
    [InlineData("thằng em tôi bị dòng nước cuốn khi đi qua tràn, nó bám được vào cây cột điện, nước đang lên", "112")]
    [InlineData("anh tui chạy xe qua cầu tràn bị nước đẩy xuống xe mất tiêu người bám được bụi tre giữa dòng tụi tui đứng bờ hông với tới", "112")] // ii-089
    [InlineData("nước suối lên bao quanh trường mầm non, các cháu còn trong lớp, đường ra ngập tới ngực người lớn", "112")]
    [InlineData("co giao diem truong ban Then nhan nuoc dang quanh lop hoc 12 hoc tro ket lai duong ra ngap ngang nguc nguoi lon", "112")] // ii-043
    [InlineData("chong em di ghe ra song tu chieu, gio noi len manh lam, toi roi chua ve, goi khong duoc", "112")]
    [InlineData("my husband went out on the river with two friends this afternoon, then the wind got crazy strong and their boat hasn't come back. phones off. it's dark now", "112")] // ii-073
    [InlineData("my father tried to cross the flooded ford on his motorbike and the current took him, he is holding on to a tree in the middle", "112")]
    [InlineData("the stream next to our homestay turned brown and loud, rocks are coming down and the road is gone, we can't get out", "112")]
    [InlineData("the water is up to our chest inside the house and my grandma can't walk", "112")]
    [InlineData("em gái em nhắn tạm biệt cả nhà rồi khóa trái cửa phòng tắm, gọi không trả lời, dưới khe cửa có máu chảy ra", "115")]
    [InlineData("chồng em viết thư để lại rồi chốt cửa trong phòng, em đập cửa không mở, nghe tiếng rên", "115")]
    [InlineData("ban cung phong tro nhan vao nhom chao tam biet moi nguoi r khoa cua phong e go hoai ko mo nghe tieng ren duoi khe cua co mau", "115")] // ii-149
    [InlineData("The little girl next door, maybe 5, has burn marks on her arms and is always hungry, her stepmother screams at her", "111")]
    public async Task Family_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("thang máy chung cư em hay bị kẹt, ban quản lý không sửa, phản ánh ở đâu được ạ")]
    [InlineData("tháng trước em bị kẹt thang máy 10 phút, giờ sợ đi thang máy, có cách nào bớt sợ không")]
    [InlineData("dạy trẻ làm gì khi bị kẹt trong thang máy, hội có tài liệu không")]
    [InlineData("đêm giao thừa bắn pháo hoa nổ lớn quá, con em sợ khóc, có sao không")]
    [InlineData("nhà em bị sập một góc do nổ bình ga năm ngoái, giờ xin hỗ trợ sửa nhà ở đâu")]
    [InlineData("cầu tràn ở xã em mùa mưa năm nào cũng ngập, hội có kiến nghị làm cầu mới được không")]
    [InlineData("con bé bám mẹ giữa dòng người đi chợ tết đông quá")]
    [InlineData("chồng em đi ghe ra sông bắt cá từ sáng, chiều mới về, hội có hỗ trợ mua lưới không")]
    [InlineData("con cá bám đá giữa suối đẹp ghê, cuối tuần dẫn con đi chơi")]
    [InlineData("the elevator in our building is often broken, who do we complain to?")]
    [InlineData("mơ thấy cháy nhà đánh con gì mn")] // hh-066
    [InlineData("đêm qua nằm mơ thấy nhà bị cháy rồi có người chết đuối, mai nên đánh số mấy")]
    [InlineData("chiem bao thay lua chay nha la diem gi vay moi nguoi")]
    [InlineData("đêm qua mơ thấy nhà cháy với người chết đuối, đánh con gì ad ơi")] // ii-071
    [InlineData("The kids' show at the commune union was fire! Thanks for organising.")] // hh-149
    [InlineData("the singing contest last night was straight fire, when is the next one?")]
    [InlineData("sáng mai khu phố diễn tập PCCC, giả cháy nhà, giả người bị nạn, hội viên chi hội 3 có bắt buộc đi không ạ")] // ii-008
    [InlineData("tuan sau truong con em dien tap chay no, phu huynh can chuan bi gi")]
    [InlineData("ke chuyen cuoi ve vo chong di ad, kieu vo doa giet chong vi quen sinh nhat a")] // hh-062
    [InlineData("lol my husband says he'll kill me if I forget his birthday again 😂 any cheap gift ideas?")] // ii-143
    [InlineData("my wife will kill me if I'm late for dinner again lol")]
    [InlineData("vợ em bảo quên kỷ niệm ngày cưới lần nữa là giết em luôn haha, mua quà gì giờ")]
    [InlineData("hom qua xem MU thua 0-4, thang thu mon nhu muon giet fan, chan that su")] // ii-138
    [InlineData("đội tuyển thua đậm quá, hlv chắc muốn giết cả đội, cay thật sự")]
    [InlineData("Hôm tập huấn sơ cứu chị hướng dẫn ép tim, em quên mất ép bao nhiêu lần rồi thổi mấy hơi, chị nhắc lại giúp em")] // hh-106
    [InlineData("lớp sơ cứu hôm trước dạy cách sơ cứu em bé bị hóc, em muốn xin lại tài liệu")]
    [InlineData("Năm ngoái tôi bị tai nạn gãy chân, nay lành rồi, BHYT có trả lại tiền viện đã đóng không?")] // hh-192
    [InlineData("Du an 8 o xa vung cao co gi cho phu nu dan toc, e nguoi Dao")] // hh-177
    [InlineData("em là người Dao đỏ ở Sa Pa, hội có lớp dạy thêu cho chị em không")]
    [InlineData("dia chi tin cay cua xa em o dau vay chi")]
    public async Task QuietNeighbour_NoEmergencyNumberFirst(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        var first = CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value;
        Assert.False(decision.Kind == AnswerKind.Crisis && first is "111" or "112" or "113" or "114" or "115", $"{first}: {decision.Text}");
    }

    // Threats sent by text or phone from a husband, an ex, a brother, nothing physical yet: abuse, 1900 969 680 first (not
    // 113), and a bank's or a boss's "threat" is no abuse at all.
    [Theory]
    [InlineData("nguoi yeu cu cua e cu nhan tin doa se tim toi cho lam cua e, e so qua")]
    [InlineData("anh chồng gọi điện dọa đòi chia đất, em phải làm sao")]
    [InlineData("My ex-husband keeps sending threatening messages to me and my daughter since the divorce")]
    [InlineData("chồng cũ ở tù ra, nhắn là sẽ tìm mẹ con tôi, giờ chưa thấy ổng tới nhưng tôi sợ, có nên báo ai trước không")] // hh-056
    [InlineData("How can my Vietnamese wife get legal help? Her ex keeps sending threatening messages on Facebook.")] // hh-121
    [InlineData("I'm British, married to a Vietnamese woman. Her brother keeps sending her threatening texts about the family land money. Nothing physical so far. Who can advise her?")] // ii-052
    public async Task ThreatsByMessage_SupportLineFirst(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal("1900 969 680", CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("nhà mạng nhắn tin dọa khóa sim nếu không cập nhật căn cước, có phải lừa đảo không")]
    [InlineData("sếp nhắn dọa trừ lương vì đi trễ, hội có can thiệp không")]
    [InlineData("chồng em nhắn tin dọa là tối nay không nấu cơm thì ổng ăn mì haha")]
    public async Task EverydayThreatByMessage_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }

    // A child selling lottery tickets late at night and beaten is a child at work (111): "vé số" is no dream's bet.
    [Theory]
    [InlineData("con bé hàng xóm 10 tuổi bị mẹ kế bắt đi bán vé số tới nửa đêm, bán không hết là bị đánh")]
    public async Task ChildSellingLotteryTickets_StillAChild(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal("111", CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }
}
