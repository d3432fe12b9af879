using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Crisis families of round 11 told by their signs, not their names (crisis-child-signs.yaml, crisis-collapse.yaml). A child
/// at risk (111; 113 when a person is hurting the child now): a child not home hours after school or lost at the market and
/// searched for, a toddler alone all day or at the edge of a pond, a well, a river, a child chained or locked in, marks on
/// a child afraid of an adult at home, a man who takes a girl into a room alone or makes her undress or sit on his lap, a
/// child met online who went to meet him, a child made to beg or work late instead of school, a baby left at a gate,
/// children whose parents are gone with nothing to eat. A medical emergency (115): a fall and she cannot get up, a fall
/// from a roof with blood from an ear, a child pulled from the water and limp, a high fever with fits, gasping with blue
/// lips, slumped and not answering, found on the floor breathing faintly, bleeding that soaks the cloth. And the everyday
/// neighbours that must stay quiet: a shoe lost, a child found at once, a drama, a question about the law or adoption, a
/// scraped knee, a fever without fits, a fall long ago. Cases are written here (paraphrases by family); those marked come
/// from the open sets.
/// </summary>
public sealed class CrisisIndirectSignsTests
{
    [Theory]
    [InlineData("con bé nhà em tan học từ 4 giờ chiều mà giờ 8 giờ tối chưa thấy về, gọi cô giáo thì cô bảo nó ra về lâu rồi", "111")]
    [InlineData("đi chợ đông quá, thằng cu 4 tuổi buông tay em lúc nào không biết, em tìm cả tiếng đồng hồ rồi", "111")]
    [InlineData("con bé nhà chị Hoa lạc ở chợ phiên từ trưa, cả bản đi tìm tới giờ chưa ra", "111")]
    [InlineData("nhà bên có đứa nhỏ chừng 2 tuổi, bố mẹ đi làm từ sáng sớm khóa cửa để nó ở nhà một mình tới tối mịt", "111")]
    [InlineData("thằng bé hàng xóm mới biết đi, suốt ngày lê la một mình ở bờ ao sau nhà, không có người lớn nào trông", "111")]
    [InlineData("đứa nhỏ nhà kia bị xích chân ở gốc cây sau vườn, tui đi ngang thấy mấy bữa rồi", "111")]
    [InlineData("con bé bên phòng trọ bị nhốt trong phòng từ sáng, khóc khản cả cổ, mẹ nó khóa cửa đi đâu mất", "111")]
    [InlineData("thằng Tý lớp em chủ nhiệm dạo này đến lớp tay chân toàn vết thâm, hỏi thì nó run, nói sợ ông dượng", "111")]
    [InlineData("cháu gái tôi 8 tuổi về nhà mặt sưng, lưng có mấy lằn đỏ, hỏi thì nó không dám nói, nhắc tới bố nó là nó khóc", "111")]
    [InlineData("con gái riêng của em 10 tuổi, ông chồng sau của em hay bắt nó vào phòng một mình rồi đóng cửa lại, nó ra thì mặt mày tái mét", "111")]
    [InlineData("ông hàng xóm hay kêu con bé nhà tui qua nhà cho bánh, bữa nay nó về kể ổng cho nó coi hình kỳ kỳ rồi biểu không được nói với mẹ", "111")]
    [InlineData("con em 13 tuổi quen một anh trên game, hôm nay nó xin đi học thêm mà cô nói không có đến lớp, đọc tin nhắn thì nó hẹn gặp anh kia ở bến xe", "111")]
    [InlineData("con bé nhà mình 12 tuổi nói chuyện với người lạ trên mạng mấy tháng nay, tối qua nó lén đi gặp người đó, tới giờ chưa về", "111")] // 111 first since round 14 (crisis.yaml leads: a child ahead of trafficking, and of danger not happening now), 113 on the same line
    [InlineData("ở ngã tư có mấy đứa nhỏ tầm 6, 7 tuổi ngày nào cũng bị một bà dẫn ra ăn xin tới nửa đêm, đứa nào xin không đủ tiền là bị đánh", "111")]
    [InlineData("sáng nay ra mở cổng thấy một em bé đỏ hỏn nằm trong thùng giấy trước cổng nhà", "111")]
    [InlineData("hai đứa nhỏ cuối xóm, mẹ nó mất, ba nó đi tù, giờ ở với nhau trong căn chòi, mấy hôm nay không có gì ăn", "111")]
    [InlineData("thằng bé 9 tuổi bên quán phở phải bưng bê rửa chén tới khuya, không được đi học, bị chủ chửi mắng suốt", "111")]
    [InlineData("con mệ Lan đi học tới chừ chưa thấy về, cả xóm đi tìm khắp nơi mà không thấy", "111")]
    [InlineData("cháu nhà bác ở dưới quê mất tích từ chiều qua, báo xã rồi mà vẫn chưa thấy tăm hơi", "111")]
    [InlineData("e 12t, ba ghẻ e hay vô phòng e lúc mẹ đi làm, e sợ lắm mà ko dám kể", "111")]
    [InlineData("con be nha ben 5 tuoi bi bo o nha mot minh 2 ngay roi, khoc suot", "111")]
    [InlineData("Chị ơi em hỏi về vụ vay vốn hội, em đang định nuôi thêm heo mà chưa biết thủ tục. À mà tiện đây em kể, con bé nhà bên cạnh hôm nay em thấy lưng nó đầy vết roi, nó nói dì ghẻ đánh", "113")] // 113 first (a rule of crisis.yaml: trafficking or danger), 111 on the same line; "đang" (about the pigs) keeps the lead of round 14 from putting 111 first
    [InlineData("em là cô giáo mầm non, có bé 4 tuổi đến lớp cứ kêu đau chỗ kín, bé nói chú ở nhà hay chơi trò bí mật với bé", "111")]
    [InlineData("đứa nhỏ trong xóm bị bà mẹ kế bắt quỳ ngoài sân nắng từ trưa, không cho ăn uống gì", "111")]
    [InlineData("em bé chừng 3 tháng tuổi bị ai đặt trước cửa chùa sáng nay, kèm mảnh giấy nhờ nuôi giùm", "111")]
    [InlineData("có bé gái chừng 10 tuổi đứng khóc ở bến xe từ chiều, nói không nhớ nhà ở đâu, không ai đón", "111")]
    [InlineData("sáng nào cũng thấy con bé nhà kia 5 tuổi lang thang ngoài đường một mình xin ăn, nhà không ai lo", "111")]
    [InlineData("bé trai 6 tuổi hay sang nhà em xin cơm, bảo mấy hôm rồi bố mẹ không về, ở nhà không còn gì ăn", "111")]
    [InlineData("con bé 12 tuổi nhà bên bị ba nó bắt nghỉ học đi lượm ve chai, về không đủ tiền là bị đánh", "111")]
    [InlineData("bé gái lớp 4 trường em, mấy hôm nay không dám về nhà, kể ông bố dượng bắt cởi đồ tắm chung", "111")]
    [InlineData("nhà đầu ngõ có thằng bé bị trói ở cột nhà cả buổi, mẹ nó bảo tại nó ăn cắp tiền", "111")]
    [InlineData("thằng nhỏ nhà bên cứ nghe tiếng xe ba nó về là chui xuống gầm giường trốn, người nó chỗ nào cũng tím bầm", "111")]
    [InlineData("cả tuần nay không thấy hai đứa nhỏ nhà bên đi học, cửa đóng im, nghe trong nhà có tiếng khóc, ba mẹ tụi nó đi làm xa", "111")]
    [InlineData("con bé nhà em 14 tuổi có ông trên facebook hay nhắn khen xinh, đòi nó gửi hình không mặc đồ", "111")]
    [InlineData("thằng cháu 3 tuổi nhà ông bà bên kia ngày nào cũng chơi một mình sát miệng giếng, ông bà đi rẫy cả ngày", "111")]
    [InlineData("Em kể dài chị đọc giùm. Nhà em bán tạp hóa, hôm nay bán ế, chồng em thì đi làm xa. Mà chị ơi có chuyện này em lo lắm, con bé nhà hàng xóm 7 tuổi bị ông nội nó kêu vào buồng đóng cửa lại, lúc ra nó cứ ôm chỗ kín khóc", "111")]
    [InlineData("dì ơi con nhỏ 9 tuổi ở xóm dưới, ba má nó bỏ đi làm ăn xa 2 tháng nay, giờ nó ở một mình, hàng xóm cho gì ăn nấy", "111")]
    [InlineData("o ơi thằng nhỏ nhà bên ba mạ hắn đi biệt, hắn ở một mình mấy bữa ni, đói lả rồi", "111")]
    [InlineData("con gái tôi 15 tuổi bị thằng quen qua mạng dụ đi chơi từ hôm qua, giờ gọi không nghe máy", "111")] // 111 first since round 14 (crisis.yaml leads: a child ahead of trafficking, and of danger not happening now), 113 on the same line
    [InlineData("tui đi làm về thấy thằng nhỏ 2 tuổi nhà bên bò lê ngoài mé sông một mình, không thấy người lớn đâu, mấy bữa nay đều vậy", "111")]
    [InlineData("bên kia vách thằng cha say đang quất con nó bằng dây điện, thằng nhỏ la khóc quá trời", "113")]
    [InlineData("có thằng cha lạ đang lôi con bé nhà bên ra sau bụi chuối, con bé la khóc", "113")]
    [InlineData("bé Na nhà bên 6 tuổi đi học về tới giờ chưa thấy đâu, cả xóm đang đi tìm", "111")]
    [InlineData("thang cu nha em 5 tuoi di cho voi ba noi bi lac tu trua toi gio chua tim ra", "111")]
    [InlineData("con nhỏ nhà chị Út 8 tuổi đi bán vé số từ chiều chưa về, tìm khắp chợ không thấy", "111")]
    [InlineData("chau noi toi 3 tuoi, bo me no di lam ca ngay de no o nha mot minh, khoa cua ngoai", "111")]
    [InlineData("đứa bé nhà bên mới chập chững biết đi mà ngày nào cũng bò ra bờ mương một mình, người lớn đi làm đồng hết", "111")]
    [InlineData("học trò lớp tôi hôm nay đến lớp mặt sưng, cánh tay có vết lằn, hỏi gì cũng khóc, nói sợ về nhà", "111")]
    [InlineData("thằng nhỏ bên nhà trọ người bầm dập, cứ thấy ba nó là run rẩy", "111")]
    [InlineData("con bé 11 tuổi nhà hàng xóm kể ông dượng hay bắt nó cởi đồ lúc mẹ nó đi chợ", "111")]
    [InlineData("con gái chị mình 9 tuổi, ông chú họ hay gọi vào buồng rồi đóng cửa, ra thì nó không dám nói gì", "111")]
    [InlineData("em 13t, ba dượng hay vô phòng em lúc mẹ đi ca đêm, em sợ lắm", "111")]
    [InlineData("con trai em 12 tuổi quen một người qua facebook, sáng nay nó bỏ nhà đi gặp người đó, giờ không liên lạc được", "111")] // 111 first since round 14 (crisis.yaml leads: a child ahead of trafficking, and of danger not happening now), 113 on the same line
    [InlineData("có bà kia dắt mấy đứa con nít đi xin tiền ở cổng chợ tới nửa đêm, đứa nào không xin được là bị đánh", "111")]
    [InlineData("bé 10 tuổi bị bắt nghỉ học đi rửa bát thuê cho quán nhậu tới khuya", "111")]
    [InlineData("sáng nay đi tập thể dục thấy một đứa bé còn dây rốn để trong thùng các tông ở gốc cây", "111")]
    [InlineData("hai anh em nhà cuối xóm, ba mẹ đi làm ăn xa bỏ lại, mấy bữa nay ở một mình không ai lo", "111")]
    [InlineData("con bé nhà kế bên bị mẹ kế bắt quỳ ngoài sân cả buổi, không cho ăn cơm", "111")]
    [InlineData("ông ngoại hay bắt cháu gái 7 tuổi ngồi lên đùi, chơi trò bí mật, dặn không được kể với mẹ", "111")]
    [InlineData("con bé nhà em 14 tuổi có người trên zalo hứa cho tiền, đòi nó gửi ảnh không mặc quần áo", "111")]
    [InlineData("thằng bé nhà dưới 2 tuổi, ông bà đi rẫy, để nó chơi một mình cạnh giếng cả ngày", "111")]
    [InlineData("cháu ngoại tôi 4 tuổi lạc ở công viên từ 5 giờ chiều, giờ trời tối rồi", "111")]
    [InlineData("nghe phòng bên cửa đóng im mà tiếng khóc trẻ con cả ngày, ba mẹ nó đi đâu mất", "111")]
    [InlineData("bé gái lớp 2 trường em kể thầy dạy thêm bắt cởi áo kiểm tra, em bé về khóc", "111")]
    [InlineData("nha ben co 2 dua nho, ba me bo di dau may bua nay, tui no xin com hang xom an", "111")] // 111 first since round 14 (crisis.yaml leads: a child ahead of trafficking, and of danger not happening now), 113 on the same line
    [InlineData("con nhà chị Ba 9 tuổi bị ba nó bắt đi lượm ve chai, về không đủ tiền là bị đánh, không cho đi học", "111")]
    [InlineData("be nha ben 3t ngay nao cung choi mot minh o bo ao, ba me no di lam ca ngay", "111")]
    [InlineData("con e 7t di hoc ve toi gio chua thay ve, e tim khap xom r", "111")]
    [InlineData("thg nhỏ nhà bên bị ba nó nhốt trong phòng 2 ngày r, k cho ăn", "111")]
    [InlineData("e 11t, chú e hay kêu e vô phòng rồi đóng cửa, e sợ lắm", "111")]
    [InlineData("con bé nhà mình 13t quen ng trên tiktok, tối qua nó trốn đi gặp, giờ chưa về", "111")] // 111 first since round 14 (crisis.yaml leads: a child ahead of trafficking, and of danger not happening now), 113 on the same line
    [InlineData("cháu bé nhà bác ở cạnh mới 2 tuổi, bố mẹ để ở nhà một mình từ sáng đến tối, khóa cửa ngoài", "111")]
    [InlineData("thằng cu nhà o Hoa đi chơi với mấy đứa, mấy đứa kia về hết mà hắn chưa về, tìm khắp xóm không thấy", "111")]
    [InlineData("Dạ em chào chị, em là thành viên chi hội 3, tháng này em chưa đóng hội phí được vì kẹt tiền. Chị ơi với lại em thấy thằng nhỏ nhà bên ngày nào cũng bị trói ở chân cầu thang, người nó gầy nhom", "111")] // 111 first since round 14 (crisis.yaml leads: a child ahead of trafficking, and of danger not happening now), 113 on the same line
    [InlineData("bé gái 6 tuổi ngồi khóc trước cổng trường từ trưa, không ai đón, không nhớ nhà ở đâu", "111")]
    [InlineData("cô giáo ơi con bé lớp mình mấy hôm nay người đầy vết bầm, hỏi thì nó nói không dám về nhà vì sợ bố", "111")]
    [InlineData("hai đứa nhỏ nhà bên, ba má đi làm xa, mấy hổm nay hổng có gì ăn, tối nào cũng qua xin cơm", "111")]
    [InlineData("My neighbour's 10 year old son is made to beg at the market every night by his father", "111")]
    [InlineData("bé nhà em dạo này sợ đi học, tối ngủ hay giật mình, hôm qua mới kể thầy hay giữ lại lớp một mình rồi bắt ngồi lên đùi", "111")] // u-037
    [InlineData("có đứa nhỏ tầm 5 tuổi đứng ở cổng chợ từ sáng tới giờ ko ai đón, hỏi nhà ở đâu nó ko biết", "111")] // v-044
    [InlineData("NGO worker here. A 12-year-old girl in the village is being sent by her uncle to work in a karaoke bar. Who should I call?", "111")] // w-057
    [InlineData("Mấy đứa nhỏ nhà kế bên, ba má đi làm Bình Dương bỏ ở nhà cả tuần nay, đứa lớn 7 tuổi giữ đứa 2 tuổi, hổm rày hổng có gì ăn", "111")] // w-059
    public async Task ChildAtRisk_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        var firstLine = decision.Text.Split('\n')[0];
        Assert.Equal(first, CrisisAsk.Numbers().Match(firstLine).Value);
    }

    [Theory]
    [InlineData("ông nhà tôi đang ngồi xem ti vi thì gục xuống, lay mãi không dậy")]
    [InlineData("bà nội tui đi vệ sinh bị té trong nhà tắm, nằm đó kêu đau không tự dậy được, tui đỡ không nổi")]
    [InlineData("mẹ em 80 tuổi ngã ở sân từ sáng, không đứng lên được, cứ rên đau hông")]
    [InlineData("thằng bé nhà em 1 tuổi sốt 40 độ, giờ tay chân giật giật, mắt trợn ngược")]
    [InlineData("con em sốt cao quá, người nóng hầm hập rồi tự nhiên cứng đơ, môi thâm lại")]
    [InlineData("bé 10 tháng bò ra chậu nước ngoài sân, em vớt lên thì người tím, không khóc")]
    [InlineData("vớt được thằng nhỏ dưới kênh lên rồi, nó không cựa quậy, bụng chướng")]
    [InlineData("chồng em đang nói chuyện tự dưng líu lưỡi, một bên mặt xệ xuống, tay trái không cầm được ly")]
    [InlineData("ba em ngủ dậy tự nhiên nói không ra chữ, miệng kéo lệch một bên, đi đứng loạng choạng")]
    [InlineData("cô hàng xóm đang phơi đồ tự nhiên ngã lăn ra, mắt nhắm, gọi không thưa")]
    [InlineData("bạn cùng phòng em tự nhiên ôm ngực rồi xỉu, giờ thở khò khè, môi tái xanh")]
    [InlineData("ông cụ nhà bên thở hổn hển, môi tím dần, gọi thì chỉ ú ớ")]
    [InlineData("thằng cu 2 tuổi nhà em nuốt mất cái đồng xu, giờ nó ho sặc sụa, mặt đỏ lựng, thở không được")]
    [InlineData("chồng em cưa cây bị lưỡi cưa cắt vào chân, máu chảy xối xả, quấn khăn vẫn thấm hết")]
    [InlineData("bé nhà em bị co giật lần đầu, người nóng ran, giờ nằm lịm không khóc")]
    [InlineData("mẹ tui tiểu đường, nãy giờ vã mồ hôi, nói lảm nhảm rồi lả đi, lay không tỉnh")]
    [InlineData("ba em làm ngoài đồng về kêu mệt, ngồi xuống ghế rồi đổ người ra, mắt trợn, không trả lời")]
    [InlineData("ong noi em nga trong phong tam, nam im khong noi gi, dau chay mau")]
    [InlineData("mệ tui té ngoài vườn từ sớm, chừ nằm một chỗ không nhúc nhích được")]
    [InlineData("ba tui đang nhậu tự nhiên xỉu ngang, kêu hổng trả lời, mặt tím rịm")]
    [InlineData("mn oi ba e tu nhien ngat, ko tho, e phai lam j")]
    [InlineData("Chị cho em hỏi lịch sinh hoạt chi hội tháng này, em định đăng ký cho mẹ em đi khám sàng lọc. Mà chị ơi mẹ em vừa đứng dậy thì ngã xuống, giờ gọi không trả lời, miệng méo qua một bên")]
    [InlineData("thằng bé tắm sông bị chìm, mấy anh lôi lên bờ rồi mà nó không thở")]
    [InlineData("con gái em 3 tuổi uống mất nửa chai siro ho của anh nó, giờ ngủ li bì gọi không dậy")]
    [InlineData("ông cụ nhà bên ngã từ mái nhà xuống sân, nằm im, tai chảy máu")]
    [InlineData("vợ tôi sinh xong về nhà được 3 hôm, nãy giờ máu ra không ngừng, mặt trắng bệch")]
    [InlineData("em bé 2 tháng tuổi thở hắt hắt, ngực rút lõm, môi tím")]
    [InlineData("ông ngoại em 78 tuổi bị té ngoài vườn, nằm đó không ngồi dậy nổi, cái chân lệch qua một bên")]
    [InlineData("bé nhà em sốt cao từ chiều, giờ lên cơn giật, người mềm nhũn, gọi không biết gì")]
    [InlineData("thằng bé nhà bên lọt xuống hồ cá, người ta mới kéo lên, người lạnh ngắt, không thở")]
    [InlineData("em đi chợ về thấy mẹ nằm dưới bếp, gọi không trả lời, thở rất yếu")]
    [InlineData("bà nội em 82 tuổi té ngoài hiên, không tự ngồi dậy được, đau chỗ hông")]
    [InlineData("ba tui leo lên mái sửa tôn bị té từ mái xuống, nằm bất động")]
    [InlineData("mấy đứa nhỏ kéo thằng bé lên bờ rồi mà nó không thở, người tím tái")]
    [InlineData("cháu 14 tháng sốt 40 độ rồi mắt trợn ngược, tay chân giật giật")]
    [InlineData("ông nội đang ăn cơm tự nhiên đổ ập xuống bàn, gọi không trả lời")]
    [InlineData("em về nhà thấy ba nằm dưới nền nhà tắm, kêu không thưa")]
    [InlineData("bé nhà em thở hổn hển, ngực rút lõm, môi tím tái")]
    [InlineData("chồng em làm máy cày bị lưỡi cày cắt vào chân, máu chảy ròng ròng không cầm được")]
    [InlineData("mẹ em tự nhiên ngã khuỵu xuống, mắt nhắm nghiền, gọi không tỉnh")]
    [InlineData("thằng cu 3 tuổi lọt xuống ao, vớt lên người mềm nhũn")]
    [InlineData("ông hàng xóm ngã từ trên cây xoài xuống, tai chảy máu, không nói được")]
    [InlineData("bé nhà em sốt hầm hập rồi tự nhiên người co cứng, môi tím lại")]
    [InlineData("ck e nga tu tren mai xuong, nam im k noi dc")]
    [InlineData("me e tu nhien nga xuong, goi ko tra loi, tho yeu lam")]
    [InlineData("bé nhà e sốt cao r giật giật, mắt trợn, e sợ wa")]
    [InlineData("ông già nhà bên té trong wc, nằm đó k dậy dc")]
    [InlineData("Em muốn hỏi về khoản vay hộ nghèo cho năm sau. Mà chị ơi giờ ba em đang ngồi thì đổ người xuống, mắt trợn, kêu không thưa")]
    [InlineData("con e 1 tuổi rớt xuống lu nước, em kéo lên thì nó không khóc, môi tím")]
    [InlineData("my wife is 8 months pregnant, she has a really bad headache and blurry vision, her feet are very swollen")]
    [InlineData("my Vietnamese wife is 7 months pregnant, sudden bad headache, blurry vision, very swollen. we are in rural Nghe An")] // v-027
    public async Task MedicalEmergencyBySigns_115First(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal("115", CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("con em hôm nay đi học về kể được cô khen, vui ghê")]
    [InlineData("lịch tiêm vắc xin sởi cho bé 9 tháng ở trạm y tế là khi nào")]
    [InlineData("thằng cu nhà em chạy té trầy đầu gối, dán băng cá nhân rồi giờ nó chạy nhảy bình thường")]
    [InlineData("con em lạc mất cái dép ở trường, mua dép loại nào bền")]
    [InlineData("con bé lạc mất cây bút màu, khóc quá trời")]
    [InlineData("xem phim Hàn, đứa bé mất tích ở tập 5, tập cuối tìm được chưa mọi người")]
    [InlineData("luật trẻ em quy định trẻ dưới 16 tuổi có được đi làm thêm không")]
    [InlineData("hồi nhỏ em bị lạc ở chợ một lần, giờ nhớ lại vẫn thấy sợ")]
    [InlineData("con em chơi trốn tìm với bạn, trốn kỹ quá cả buổi không ai tìm thấy, buồn cười ghê")]
    [InlineData("bé nhà em 2 tuổi sốt 38 độ, uống hạ sốt rồi, có cần đi khám không")]
    [InlineData("mẹ em bị ngã xe năm ngoái, giờ đi lại bình thường, có được hỗ trợ bảo hiểm không")]
    [InlineData("bà ngoại em hay chóng mặt khi đứng dậy, nên khám khoa nào")]
    [InlineData("ông nội bị tai biến 3 năm rồi, giờ nằm một chỗ, có chế độ trợ cấp gì không")]
    [InlineData("cách sơ cứu khi trẻ bị co giật do sốt cao là gì")]
    [InlineData("con em hay bị chảy máu cam mỗi sáng, có sao không")]
    [InlineData("cho con đi học bơi mùa hè ở đâu an toàn")]
    [InlineData("con bé nhà em mê xem hoạt hình, suốt ngày đòi điện thoại")]
    [InlineData("hôm qua con đi lạc trong siêu thị 5 phút, may bảo vệ tìm thấy ngay, giờ em dạy con nhớ số điện thoại")]
    [InlineData("chi hội tổ chức trung thu cho các cháu ngày nào")]
    [InlineData("con em bị bạn giấu mất hộp bút, cô giáo xử lý rồi")]
    [InlineData("bé nhà em ngủ một mình phòng riêng được chưa, 6 tuổi rồi")]
    [InlineData("con em mấy hôm nay không chịu ăn, biếng ăn quá, làm sao")]
    [InlineData("chị ơi trẻ bị bỏ rơi thì thủ tục nhận con nuôi thế nào")]
    [InlineData("hỏi về quy định xử phạt hành vi bạo lực với trẻ em theo luật mới")]
    [InlineData("con em ngã cầu trượt ở trường, trầy tay chút xíu, cô đã sát trùng rồi")]
    [InlineData("phim Đứa trẻ mất tích chiếu rạp chưa mọi người")]
    [InlineData("đọc báo thấy vụ bé bị bỏ rơi ở cổng chùa mà thương, mình có thể ủng hộ ở đâu")]
    [InlineData("con trai em 15 tuổi đi cắm trại với lớp 2 ngày, có nên cho đi không")]
    [InlineData("con em thích chơi gần ao cá nhà ông bà, em nên rào lại thế nào cho an toàn")]
    [InlineData("bé nhà em va đầu nhẹ vào cạnh bàn, nổi cục u nhưng vẫn chơi, ăn bình thường")]
    [InlineData("mẹ em 70 tuổi muốn đi tập dưỡng sinh, hội có lớp không")]
    [InlineData("con bé tự nhốt mình trong phòng giận dỗi vì bị mắng, làm sao nói chuyện với con tuổi dậy thì")]
    [InlineData("thằng út nhà em ham chơi, đi đá bóng tới tối mới về, la hoài không nghe")]
    [InlineData("bé nhà em lên cơn hen nhẹ, đã xịt thuốc và đỡ rồi, đặt lịch khám ở đâu")]
    [InlineData("hôm nay con em được nghỉ học, em phải đi làm, để con ở nhà với bà nội được không")]
    [InlineData("game Roblox con em chơi có người lạ nhắn tin, em nên cài đặt gì để chặn")]
    [InlineData("tổng đài 111 là tổng đài gì vậy chị")]
    [InlineData("con bé nhà em làm mất cái điện thoại ở trường, thầy nói sẽ tìm giúp")]
    [InlineData("cháu em đi lạc sang nhà hàng xóm chơi, tìm thấy ngay, em có nên lắp camera không")]
    [InlineData("trẻ em bán hàng online kiếm thêm có vi phạm luật lao động không")]
    [InlineData("con trai em 8 tuổi tắm sông với bạn về, em la một trận, có nên cho đi học bơi")]
    [InlineData("bà em 85 tuổi đi đứng yếu, hay sợ ngã, có gậy tập đi nào tốt")]
    [InlineData("mấy đứa nhỏ trong xóm chơi trò bịt mắt bắt dê ngoài đình vui lắm")]
    [InlineData("con em 10 tuổi đòi ở nhà một mình trông nhà khi em đi chợ nửa tiếng, được không")]
    [InlineData("thằng bé nhà em ngủ trưa say quá, gọi mãi mới dậy, tính nó ham ngủ lắm")]
    [InlineData("ông xã em ngủ ngáy to quá, có thuốc gì không")]
    [InlineData("con bé nhà em đi học về trễ 15 phút vì ghé nhà bạn, em lo quá mà nó về rồi")]
    [InlineData("con bé nhà em lạc mất cái áo khoác ở trường, có chỗ nào bán áo đồng phục không")]
    [InlineData("thằng cu nhà em đi lạc trong hội chợ 10 phút, may tìm thấy ngay, giờ em cho nó đeo vòng ghi số điện thoại")]
    [InlineData("phim truyền hình tối nay có cảnh đứa bé mất tích, xem mà khóc")]
    [InlineData("hồi bé em hay bị mẹ kế bắt quỳ, giờ lớn rồi vẫn còn ám ảnh, có chỗ nào tư vấn tâm lý không")]
    [InlineData("bà nội em 80 tuổi năm ngoái té gãy chân, giờ đi lại được rồi, có được hưởng trợ cấp không")]
    [InlineData("làm sao phòng tránh trẻ bị xâm hại, dạy con những gì")]
    [InlineData("cho em hỏi trẻ em lang thang xin ăn thì ai có trách nhiệm hỗ trợ theo luật")]
    [InlineData("con em tự ngồi dậy được rồi, 6 tháng tuổi, có cần cho ăn dặm chưa")]
    [InlineData("bé nhà em sốt 39 độ, không co giật, uống thuốc hạ sốt mấy tiếng một lần")]
    [InlineData("ông ngoại em lên cơn hen, thở khò khè nhưng xịt thuốc là đỡ, hay bị lúc trời lạnh")]
    [InlineData("mẹ em hay bị tê tay khi ngủ dậy, có phải dấu hiệu tai biến không")]
    [InlineData("con em đi học về mặt mũi lấm lem vì chơi đá bóng, tắm rửa xong lại lăn ra ngủ")]
    [InlineData("chị ơi đăng ký cho con đi trại hè ở đâu")]
    [InlineData("bé nhà em 2 tuổi bám mẹ quá, mẹ đi làm là khóc, có cách nào không")]
    [InlineData("em nhặt được con mèo con bị bỏ rơi trước cổng, nuôi sao cho khỏe")]
    [InlineData("mua phao bơi cho con ở đâu tốt, hè này cả nhà đi biển")]
    [InlineData("con em nói muốn ngồi lên đùi ông nội xem ti vi, ông cưng lắm")]
    [InlineData("trẻ em dưới 15 tuổi làm việc nhẹ như bán hàng phụ gia đình có được không")]
    [InlineData("cháu em vừa tắm sông về, cả nhóm đi đông người lớn trông, vui lắm")]
    [InlineData("con e lạc mất đôi giày r, mua ở đâu")]
    [InlineData("e xem phim thấy đứa nhỏ bị bắt cóc sợ wa")]
    [InlineData("bé nhà e té xe đạp trầy chân xíu, giờ ok r")]
    [InlineData("mẹ ơi con đi học về trễ chút nha, con ghé nhà bạn")]
    [InlineData("ông nội em hồi trước bị té từ trên cây xuống, giờ khỏe rồi, hay kể chuyện cho mấy đứa nhỏ nghe")]
    [InlineData("con em hay sốt cao mỗi lần mọc răng, có cần lo không")]
    public async Task EverydayMessage_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }
}
