using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Round 13: the crisis families behind the misses and false alarms of sets X and Y, each with our own paraphrases (two or
/// three wordings) and one or two messages from the sets (marked with their id). Fire (114): smoke from a locked room and no
/// answer, smoke from a house locked from outside with someone inside, a fire that cannot be put out or is spreading to the
/// house. Water and earth (112): houses buried or swept away with people in them, the water rising fast with someone who
/// cannot be moved, the water to the knees with the power still on. A child (111): a minor taken away to work by a
/// go-between, sent abroad to work (English), met online and called to the city, kept from school to work, made to sit
/// with beer-bar customers. Medical and self-harm (115): signs of a head injury after blows, a fall with a bleeding head or
/// no answer, a placenta not out after a home birth, a letter and the river, "relieved when I am gone". Danger (113): an
/// employer who locked her in and took her papers (English), "mần thịt tui" (to kill, Southern). Also a dyke broken,
/// a stream that took the bridge with people still out, a roof catching and fire spreading to the houses, a girl of 15 made
/// a wife, someone met online who will fetch her, sleeping pills gathered with the children sent away, a stepfather in the girl's room while the mother works nights, smoke
/// coming into a room she is locked or stuck in. And their quiet
/// neighbours.
/// </summary>
public sealed class CrisisSetsXYFamiliesTests
{
    [Theory]
    [InlineData("khói bốc ra từ phòng con gái, cửa khóa trái, gõ mãi nó không trả lời", "114")]
    [InlineData("thấy khói từ phòng trọ bên cạnh, cửa khóa, gọi không ai thưa", "114")]
    [InlineData("smoke coming from the flat next door, the door is locked and nobody answers", "114")]
    [InlineData("nhà bác Hai có khói ra cửa sổ, bác khóa cửa đi làm, trong nhà còn bà cụ", "114")]
    [InlineData("Có mùi khét với khói từ phòng thằng con trai, nó khóa cửa chơi game, gọi mãi không thưa", "114")] // y-045
    [InlineData("đốt cỏ bờ rào mà gió to, lửa bén qua đống củi, dập không nổi", "114")]
    [InlineData("lửa cháy lan qua nhà kho rồi, sắp lan sang nhà", "114")]
    [InlineData("cháy vườn keo sau nhà, chữa không nổi, đang lan vào nhà", "114")]
    [InlineData("Ông chồng đốt rác bén vô đống rơm sát chuồng bò, giờ lửa lớn quá dập không nổi, sắp lan qua bếp", "114")] // y-040
    [InlineData("lũ cuốn trôi nhà đầu bản, có người bên trong", "112")]
    [InlineData("núi sạt vùi lấp mấy nóc nhà dưới chân đồi", "112")]
    [InlineData("bản mình sạt đất. lấp 2 nhà. có người ở trong", "112")] // x-028
    [InlineData("nước sông lên nhanh lắm, bà nội nằm liệt giường, không biết đưa bà đi đâu", "112")]
    [InlineData("nuoc dang nhanh qua, ngap toi dau goi roi", "112")]
    [InlineData("phòng trọ ngập nước tới gối, ổ cắm ngập mà chưa cắt điện", "112")]
    [InlineData("mn oi khu tro e ngap r, nuoc vo phong toi dau goi, chua cup dien, e so bi giat", "112")] // y-055
    [InlineData("có người quen của chồng nói đưa con bé nhà em 15 tuổi ra thành phố làm, mai đi", "111")]
    [InlineData("một bà lạ tới làng hứa dắt thằng nhỏ 13 tuổi xuống xuôi làm việc, nhà đã nhận tiền", "111")]
    [InlineData("có người lạ tới bản, nói đưa con gái 14 tuổi xuống xuôi làm việc, trả tiền trước cho bố mẹ, mai đi rồi", "111")] // x-035
    [InlineData("my 14 year old niece, her aunt wants to send her to Malaysia for work next month", "111")]
    [InlineData("NGO worker here - a 13-year-old girl in our program says her uncle will send her to China next week for work", "111")] // x-040
    [InlineData("con bé nhà chị lớp 7 quen một anh trên facebook, ảnh rủ nó trốn học lên thành phố gặp", "111")]
    [InlineData("con bé 12 tuổi bị bắt làm ở lò gạch, không cho đi học", "111")]
    [InlineData("Có mấy đứa nhỏ chừng 10 tuổi bị chủ lò gạch bắt làm từ sáng tới tối, không cho đi học, ngủ luôn ở lò", "111")] // y-068
    [InlineData("em gái em 15 tuổi bị mẹ kế bắt nghỉ học ra quán nhậu tiếp khách", "111")]
    [InlineData("con 16 tuổi làm ở quán karaoke, bị chủ bắt ngồi với khách", "111")]
    [InlineData("e 14t, ba e bat e nghi hoc di lam o quan bia cua ng quen, toi ve tre ho bat e ngoi voi khach", "111")] // y-069
    [InlineData("hôm qua bị chồng đánh vào đầu, nay nhức đầu quá, ói liên tục, chóng mặt", "115")]
    [InlineData("Tối qua ổng đánh tui, hôm nay ổng đi rồi, mà sáng giờ đầu tui đau dữ lắm, ói mấy lần, mắt thấy mờ mờ, tay chân bủn rủn", "115")] // y-021
    [InlineData("bà nội té trong nhà tắm, đầu chảy máu, gọi không trả lời", "115")]
    [InlineData("my father fell down the stairs and is not responding", "115")]
    [InlineData("chị dâu sinh ở nhà, em bé ra rồi mà nhau chưa ra, chị ấy lả đi", "115")]
    [InlineData("tôi viết thư cho các con rồi, đêm nay tôi ra sông", "115")]
    [InlineData("đang ngồi trên lan can, chắc mọi người nhẹ nhõm hơn khi không còn em", "115")]
    [InlineData("Tôi ngồi trên sân thượng từ chiều tới giờ. Mọi người chắc sẽ nhẹ nhõm hơn khi không còn tôi. Chỉ muốn nói với ai đó một lần trước.", "115")] // y-028
    [InlineData("My cousin's boss locked her in the storeroom and took her passport", "113")]
    [InlineData("my wife's friend says her husband locks her in the room and takes her phone, who can she call", "113")]
    [InlineData("he locks me in the bedroom when he goes out and keeps my phone", "113")]
    [InlineData("NGO worker here. A client just texted that her employer in Binh Duong locked her in a room and took her ID card. She is 23. Who do we call right now?", "113")] // y-013
    [InlineData("Báo cáo các cháu, nhà văn hóa thôn đang cháy, mái bén lửa sang mấy nhà dân bên cạnh rồi", "114")] // y-037
    [InlineData("nhà kho hợp tác xã đang cháy, bén lửa qua mấy nhà dân rồi", "114")]
    [InlineData("đê bao đầu xóm vỡ rồi, nước tràn vô nhà", "112")]
    [InlineData("bờ bao ruộng tôm vỡ, nước chảy xiết vào làng", "112")]
    [InlineData("Đê bao đầu kênh vỡ một đoạn rồi, nước chảy xiết vô xóm, nhà tôi ở sát đê", "112")] // y-060
    [InlineData("nước suối to lắm, cuốn mất cái cầu gỗ, mấy người đi rẫy chưa về", "112")]
    [InlineData("nhà bên ép con gái 15 tuổi về làm vợ người ta tuần sau, con bé khóc suốt", "111")] // x-036
    [InlineData("ba mẹ nó bắt con bé 14 tuổi về làm dâu nhà ông chủ rẫy", "111")]
    [InlineData("con bé 13 tuổi nhà tôi quen người lạ trên mạng, người đó hẹn cuối tuần đón nó đi chơi xa", "111")]
    [InlineData("con gửi mấy đứa nhỏ qua ngoại rồi, thuốc ngủ gom đủ rồi", "115")]
    [InlineData("em đã gửi các con sang bà nội, thuốc em gom cũng đủ, cảm ơn chị em lâu nay", "115")]
    [InlineData("ổng xỉn về nói mần thịt tui luôn, tui đang trốn ngoài vườn", "113")]
    [InlineData("Con gái riêng của tôi 12 tuổi kể là dượng nó hay vào phòng nó lúc tôi đi ca đêm. Tôi không biết phải làm sao, tôi sợ", "111")] // y-063
    [InlineData("con bé 10 tuổi nói ba dượng hay sờ soạng nó khi tôi đi làm", "111")]
    [InlineData("chi oi e bi ket trong phong tro, ngoai hanh lang chay r, cua sat khoa ngoai, khoi vo phong", "114")] // y-036
    [InlineData("khói tràn vào phòng ngủ, cửa bị khóa ngoài, em với con không ra được", "114")]
    [InlineData("smoke is coming into the room and the door is locked from outside", "114")]
    public async Task Family_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("tập phim trên HTV có cảnh người chồng cầm rựa rượt vợ, ai nhớ tên phim không")]
    [InlineData("cái phim tối qua trên VTV có cảnh ông chồng cầm dao rượt vợ, tên phim là gì v ad")] // x-180
    [InlineData("con hỏi bài lịch sử: Ngô Quyền đánh tan quân Nam Hán năm nào")]
    [InlineData("Cô giáo bắt con tìm hiểu Hai Bà Trưng đánh giặc năm nào, ai biết chỉ con với")] // y-085
    [InlineData("nhức mỏi muốn chết, ai chỉ bài thuốc ngâm chân với")]
    [InlineData("con nhỏ khóc cả đêm, mất ngủ muốn chết luôn")]
    [InlineData("Chị em ai có bài thuốc trị đau lưng không, đau muốn chết")] // y-104
    [InlineData("hai năm trước em từng nghĩ quẩn, giờ em ổn lắm rồi, cảm ơn hội")]
    [InlineData("sinh con đầu mất máu nhiều, giờ lành hẳn rồi, muốn hỏi khám sức khỏe")]
    [InlineData("nhà bên hay cãi nhau đánh nhau, giờ thì đang yên, em muốn báo ai cho kín đáo")]
    [InlineData("con gái 17 tuổi muốn lên thành phố làm, có nên cho đi không")]
    [InlineData("con 16 tuổi được người quen giới thiệu đi làm thêm hè ở quán cà phê")]
    [InlineData("hồi nhỏ nhà em nghèo, em phải nghỉ học đi làm ở lò gạch")]
    [InlineData("đốt đồng xong rồi, lửa tắt hẳn, mai cày")]
    [InlineData("mùa mưa năm nào nước cũng lên tới gối ở ruộng")]
    [InlineData("con trai 15 tuổi khóa cửa phòng chơi game, gọi không thưa, tức ghê")]
    [InlineData("nhà văn hóa thôn tổ chức văn nghệ tối nay, ai đi không")]
    [InlineData("đê bao năm nào mùa lũ cũng vỡ một đoạn, năm nay hội có hỗ trợ đắp đê không")]
    [InlineData("con gái tôi 24 tuổi về làm dâu nhà người ta rồi, tôi buồn quá")]
    [InlineData("mần thịt con gà đãi khách, cách luộc sao cho ngon")]
    [InlineData("thuốc bổ cho bà ngoại em gom đủ rồi, gửi qua cho bà")]
    [InlineData("con gái 12 tuổi ở nhà với ông bà lúc tôi đi làm, có cần gửi trẻ không")]
    [InlineData("nấu cơm khói vô phòng khách hết, mở cửa sổ ra cho thoáng")]
    [InlineData("thôi con khỏi vô phòng mẹ, mẹ khóa cửa rồi")]
    [InlineData("my husband locks the door at night and I keep my phone by the bed, is that safe")]
    [InlineData("I locked my keys in the car, can the union help")]
    public async Task QuietNeighbour_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }
}
