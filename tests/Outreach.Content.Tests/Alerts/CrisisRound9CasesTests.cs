using System.Text.RegularExpressions;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Crisis families of round 9 (set R, written by someone who never saw the pack), kept in the crisis-*.yaml files beside
/// crisis.yaml: suicide said sideways (affairs put in order, last words, the children handed over, a height with relief,
/// "better off without me", refusing food and medicine as a burden, joining the dead after a bereavement, vanishing and
/// "do not look for me"); medical emergencies told by symptoms (a stroke's face and speech, a baby turning blue, a
/// pregnancy with a splitting headache and blurred sight, a collapse in the heat, vomiting after a fall, chest pain that
/// spreads, a sting or a bite that swells, bleeding after a birth with faintness, choking with no sound); danger from a
/// person told through his words, a blade made ready, an ex at the door, her hiding, a coded order; a child promised in
/// marriage, a pupil touched, a girl called into a room, a tutor's midnight texts; sparks from a socket, a fire water does
/// not put out; a hill leaking muddy water. And the everyday neighbours that must stay quiet. Written here, not copied
/// from set R.
/// </summary>
public sealed partial class CrisisRound9CasesTests
{
    private static async Task<AnswerDecision> AskAsync(string text) =>
        AnswerEngine.Decide(KnowledgeSnapshot.Build(await Packs.ShippedAsync()), new AnswerRequest(text, null, Packs.Today));

    [GeneratedRegex(@"\b(111|112|113|114|115|1900 969 680)\b")]
    private static partial Regex Numbers();

    [Theory]
    [InlineData("ba tôi đang ăn thì mặt méo một bên, nói ngọng hẳn đi", "115")]
    [InlineData("me em tu nhien mieng meo, noi khong ro", "115")]
    [InlineData("em bé 2 tháng thở rít, môi tím tái", "115")]
    [InlineData("bé sơ sinh nhà em tự nhiên tím tái, thở yếu", "115")]
    [InlineData("vợ em bầu 8 tháng, đau đầu dữ dội, hoa mắt, chân phù to", "115")]
    [InlineData("bau 32 tuan dau dau nhu bua bo, nhin mo", "115")]
    [InlineData("ông ngoại đi làm rẫy giữa trưa nắng gắt thì gục xuống", "115")]
    [InlineData("mẹ đang phơi lúa ngoài nắng thì xỉu", "115")]
    [InlineData("thằng nhỏ té từ trên cây xuống, giờ ói liên tục, cứ đòi ngủ", "115")]
    [InlineData("bà nội ngã trong nhà tắm đập đầu, giờ lơ mơ", "115")]
    [InlineData("chồng em tức ngực dữ lắm, vã mồ hôi lạnh", "115")]
    [InlineData("ông bị đau ngực trái lan ra sau lưng, khó thở", "115")]
    [InlineData("con em ăn đậu phộng xong sưng môi, thở khò khè", "115")]
    [InlineData("mẹ em bị rắn gì cắn ở chân, có 2 lỗ nhỏ, chân sưng tím", "115")]
    [InlineData("em sinh mổ được 1 tuần, hôm nay ra máu nhiều, hoa mắt chóng mặt", "115")]
    [InlineData("bé 3 tuổi hóc hạt nhãn, ho không ra tiếng, mặt tím dần", "115")]
    [InlineData("ông bị nghẹn cơm, tay ôm cổ, không thở được", "115")]
    [InlineData("tôi đã gửi con cho bà ngoại, viết sẵn lời dặn, sổ đỏ để trong tủ", "115")]
    [InlineData("tôi lên sân thượng ngồi từ tối, chắc bước xuống là hết khổ", "115")]
    [InlineData("em ngồi trên cầu Long Biên, chắc nhảy xuống là xong hết", "115")]
    [InlineData("cả nhà sẽ sống tốt hơn nếu không có tôi, tôi mệt mỏi lắm rồi", "115")]
    [InlineData("mẹ già nhịn ăn mấy ngày, nói sống làm gì cho con cháu khổ", "115")]
    [InlineData("vợ tôi mất được 3 tháng, tôi muốn theo bà ấy, cho hết đồ đạc rồi", "115")]
    [InlineData("em cảm ơn chị mấy năm qua, em chia hết đồ đạc cho các em rồi, đừng tìm em", "115")]
    [InlineData("thằng chồng cũ đang vặn tay nắm cửa phòng trọ, em đang trốn trong phòng tắm", "113")]
    [InlineData("nó nhắn: mày ra đây không tao tạt axit, nó đang đứng ở cổng xưởng", "113")]
    [InlineData("chong e nhan toi nay ve cho may biet tay, dang tren duong ve", "113")]
    [InlineData("ổng mài rựa rồi, nói tối nay về biết tay", "113")]
    [InlineData("thằng chả cột tay em vô giường, không cho ra", "113")]
    [InlineData("em đang trốn dưới gầm giường, nó đang đập cửa", "113")]
    [InlineData("cho em đặt hai tô hủ tiếu giao tới hẻm 5, em không nói được, ổng đang ở bên cạnh", "113")]
    [InlineData("bé 2 tuổi nhà bên bị khóa cửa bỏ đi từ hôm qua, khóc yếu dần", "113")]
    [InlineData("cha mẹ nó định gả con bé 13 tuổi cho người ta để lấy tiền", "111")]
    [InlineData("con gái em học lớp 6, ông bác hay sờ vào người nó", "111")]
    [InlineData("thầy dạy thêm nhắn tin lúc nửa đêm cho con bé 14 tuổi", "111")]
    [InlineData("cháu 12 tuổi, cha dượng hay kêu vào phòng riêng đóng cửa", "111")]
    [InlineData("ổ điện chỗ tivi bốc khói, có tia lửa", "114")]
    [InlineData("lửa bén sang mái tôn rồi, dập không được", "114")]
    [InlineData("chân núi sau nhà có nước đục chảy ra, nghe tiếng rắc rắc", "112")]
    [InlineData("tối nay em biến mất, đừng ai tìm em", "115")]
    [InlineData("nếu tối nay em không nhắn nữa thì chị nhờ người đón hai đứa nhỏ giúp em nha", "115")]
    [InlineData("I gave away my things and wrote a letter to my mom, tonight is the last time I will bother anyone", "115")]
    [InlineData("sinh con xong em không thương được con, con sẽ tốt hơn nếu không có mẹ, em mệt lắm rồi", "115")]
    [InlineData("my ex is trying my door handle right now, I'm hiding in the bathroom", "113")]
    [InlineData("smoke is coming out of the socket behind the fridge in my flat", "114")]
    [InlineData("người yêu cũ đứng ở cổng trường chờ em, nhắn sẽ cho em biết tay", "113")]
    public async Task CrisisMessage_RightNumberFirst(string text, string first)
    {
        var decision = await AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("em dọn nhà, chia hết đồ đạc cũ cho hàng xóm, cảm ơn hội đã giới thiệu chỗ quyên góp")]
    [InlineData("nhà em sắp chuyển vào Sài Gòn, đồ đạc em cho hết bà con rồi, không mang theo được gì nhiều")]
    [InlineData("em đi xuất khẩu lao động, nhờ chị đón hai đứa nhỏ giúp em mấy hôm, sổ đỏ em để ở nhà mẹ")]
    [InlineData("ông nội mất được trăm ngày, cháu muốn hỏi thủ tục thừa kế sổ đỏ")]
    [InlineData("bé muốn theo bà ra chợ, bà mất rồi thì con ở với ai")]
    [InlineData("chiều nay em ra ngồi trên cầu câu cá, mát lắm")]
    [InlineData("em đứng ngoài ban công phơi đồ thì thấy cháy nhà bên kia sông hồi năm ngoái")]
    [InlineData("phim này cảnh nữ chính ngồi trên thành cầu khóc hay quá")]
    [InlineData("con em bỏ ăn mấy hôm nay vì sốt, có sao không chị")]
    [InlineData("bà em nhịn ăn sáng để giảm cân, có tốt không")]
    [InlineData("chồng em bỏ thuốc lá được 3 tháng rồi")]
    [InlineData("em mệt quá rồi, làm cả ngày không nghỉ")]
    [InlineData("đừng tìm nữa chị ơi, em tìm được chìa khóa rồi, cảm ơn mọi người")]
    [InlineData("con mèo nhà em biến mất mấy hôm nay, đừng ai tìm giùm")]
    [InlineData("bài thi khó muốn chết luôn, mai thi tiếp")]
    [InlineData("đau răng muốn chết, nhổ răng ở đâu rẻ")]
    [InlineData("bố em hay bị tức ngực khi trời lạnh, đi khám ở đâu")]
    [InlineData("tức ngực khó thở khi mang thai tháng cuối có bình thường không")]
    [InlineData("cách sơ cứu khi trẻ bị hóc dị vật")]
    [InlineData("bé nhà em hay bị sặc sữa, có sao không")]
    [InlineData("bị muỗi đốt nổi mẩn sưng to, bôi thuốc gì")]
    [InlineData("con em bị ong đốt sưng nhẹ ở tay, chườm đá được không")]
    [InlineData("bầu 20 tuần hay bị phù chân với đau đầu nhẹ có sao không")]
    [InlineData("sau sinh 2 tháng ra máu lại, có phải kinh nguyệt không")]
    [InlineData("em bị ngã xe trầy đầu gối, có được bảo hiểm không")]
    [InlineData("bé hay ói sau khi ăn, hôm trước có té nhẹ")]
    [InlineData("trời nắng nóng quá, làm ngoài đồng mệt muốn xỉu")]
    [InlineData("hôm qua đi đám cưới về mệt xỉu luôn")]
    [InlineData("bà em hồi năm ngoái bị tai biến méo miệng, giờ tập vật lý trị liệu ở đâu")]
    [InlineData("mày mà không học bài thì biết tay mẹ")]
    [InlineData("mẹ mài dao để mai làm gà cúng")]
    [InlineData("chồng em đang trên đường về, tối nay nấu gì cho ảnh ăn")]
    [InlineData("chồng cũ đứng ở cổng trường đón con, em có nên cho không")]
    [InlineData("em đặt 1 cái bánh kem giao tới nhà, em không nói chuyện được vì đang họp, sếp ngồi ngay cạnh")]
    [InlineData("con em đi học lớp 3, cô giáo khen con ngoan")]
    [InlineData("con bé 16 tuổi đòi lấy chồng, nhà em không cho")]
    [InlineData("tụi nhỏ chơi trốn tìm, thằng út trốn trong tủ không ai tìm ra")]
    [InlineData("ổ cắm nhà em hay bị tóe lửa, thợ nào sửa")]
    [InlineData("em muốn hỏi cách phòng cháy khi ổ điện bốc khói")]
    [InlineData("đồi sau nhà có vết nứt từ năm ngoái, xã có hỗ trợ di dời không")]
    [InlineData("con chó nhà em vừa ăn phải bả chuột, thú y nào gần")]
    [InlineData("thằng chả hứa cho em vay tiền")]
    [InlineData("tối qua xem phim, nhân vật uống hết lọ thuốc ngủ, cảm động quá")]
    [InlineData("gả con gái 25 tuổi cho nhà bên kia, nhận lễ xong rồi, hỏi thủ tục đăng ký kết hôn")]
    [InlineData("em gái 14 tuổi nhà bên đang học lớp 8, hỏi học bổng")]
    [InlineData("con em 13 tuổi, bạn trai gọi điện nửa đêm, em nên làm gì")]
    [InlineData("em bị xỉu do hạ đường huyết hồi tháng trước, giờ khám ở đâu")]
    [InlineData("mẹ em cạo gió cho bố, bố đỡ rồi")]
    [InlineData("chị ơi em sinh xong 3 tuần, ra máu ít ít, có sao không")]
    [InlineData("chị ơi đau ngực khi cho con bú là bị gì, có cần đi khám không")]
    [InlineData("con em ăn tôm hay nổi mẩn, có nên cho ăn tiếp không")]
    [InlineData("mẹ bầu nhìn mờ có phải do thiếu vitamin không")]
    [InlineData("mang thai đau đầu, chóng mặt uống thuốc gì được không")]
    [InlineData("sau sinh 1 tháng hay chóng mặt, ra máu ít có sao không")]
    [InlineData("bé bị té xe đạp trầy tay, có ói một lần, giờ chơi bình thường, có cần đi khám không")]
    [InlineData("trời nắng nóng người già nên uống nước gì")]
    [InlineData("hướng dẫn sơ cứu người bị say nắng")]
    [InlineData("ba em xỉu hồi tháng trước do huyết áp thấp, giờ khám lại ở đâu")]
    [InlineData("ổ cắm bị cháy đen, thay ổ mới giá bao nhiêu")]
    [InlineData("đồi chè nhà em mùa này đẹp lắm, nước suối trong veo")]
    [InlineData("nghe tiếng rắc rắc trong tủ gỗ, chắc mọt ăn")]
    [InlineData("tôi ngồi trên cầu cảng câu cá, hết khổ rồi vì trúng mùa")]
    [InlineData("mấy lời dặn của mẹ em nhớ mãi, cảm ơn hội")]
    [InlineData("sổ đỏ em để ngân hàng giữ khi vay vốn, giờ trả xong lấy lại thế nào")]
    [InlineData("em đang trốn việc ngồi quán cà phê nè")]
    [InlineData("chị đang trốn nắng trong quán nước")]
    [InlineData("người yêu cũ nhắn tin chúc mừng sinh nhật em")]
    [InlineData("chồng cũ đến đón con cuối tuần, em có quyền từ chối không")]
    [InlineData("cho em đặt lịch khám sàng lọc, giao tới nhà giấy mời được không")]
    [InlineData("con em học lớp 9 bị bạn trêu, em nên làm gì")]
    [InlineData("thầy giáo gọi điện nửa đêm báo con em bị ốm ở ký túc xá")]
    [InlineData("sau khi tiêm vắc xin bé sốt nhẹ, sưng đỏ chỗ tiêm")]
    [InlineData("ăn hải sản bị ngứa, nổi mẩn vài chỗ, uống thuốc gì")]
    [InlineData("mẹ em ăn chay, nhịn ăn mùng một với rằm")]
    [InlineData("bà em bỏ thuốc huyết áp vì thấy khỏe, có sao không")]
    [InlineData("con bé lớp 7 hay khóc một mình, sợ về nhà vì bố mẹ cãi nhau")]
    [InlineData("em muốn theo mẹ lên thành phố làm, mẹ mất việc rồi")]
    [InlineData("I wrote a letter to my kids' teacher today, thank you for the loan group")]
    [InlineData("my ex keeps texting me happy birthday, how do I block him")]
    [InlineData("the kids are inside watching TV, is there smoke alarm subsidy")]
    [InlineData("she is 30 weeks pregnant, what vitamins should she take")]
    public async Task EverydayMessage_NotACrisis(string text)
    {
        var decision = await AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }
}
