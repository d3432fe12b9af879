using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Round 12: fire (114) and water, earth and storm (112) told by their signs, not their names (crisis-signs-hazard.yaml):
/// a gas smell with a click, a cylinder hissing, sparks from the meter with a smell of burning plastic, smoke coming under
/// the door, a corridor full of smoke with the gate locked, a motorbike burning in a tube house, a forest fire coming down
/// the hill, straw catching with the wind toward the houses; the river up to the steps at night, water in the house to the
/// knees, a stream turning muddy and loud, cracks opening in the hill, rocks rolling down, a house tilting, a roof torn off
/// with children inside, a boat not back in a storm, people on a roof, an old person cut off on the other bank. And their
/// quiet neighbours: how to detect a leak, a drill, a clip watched, a flood every year, wading in a paddy field, a loan to
/// repair a roof torn off long ago. All cases are our own paraphrases (bench/crisis-signs-hazard-paraphrases.jsonl).
/// </summary>
public sealed class CrisisHazardSignsTests
{
    [Theory]
    [InlineData("mở cửa bếp thấy mùi ga nồng quá, vừa bật công tắc đèn nghe tạch một cái")]
    [InlineData("ngửi thấy mùi gas khắp nhà mà thằng chồng đang định bật bật lửa hút thuốc")]
    [InlineData("bình ga nhà em đang xì xì ra tiếng, mùi nồng lắm, em không dám lại gần")]
    [InlineData("binh gas nha hang xom keu xi xi nay gio, mui nong nac, ho di vang")]
    [InlineData("cái bình ga dưới bếp nó kêu xèo xèo rồi có lửa phụt ra ở van")]
    [InlineData("công tơ điện trước nhà đang tóe lửa, có mùi nhựa cháy khét lẹt")]
    [InlineData("dây điện trên trần nhà xẹt lửa lách tách, mùi khét nồng, con em đang ngủ trên gác")]
    [InlineData("mùi nhựa cháy khét khắp nhà, tìm mãi thì thấy ổ cắm sau tủ lạnh đen thui đang bốc khói")]
    [InlineData("ba ơi khói đang lùa vào dưới khe cửa phòng con, ngoài hành lang nóng lắm")]
    [InlineData("khói chui qua khe cửa phòng trọ, em mở ra thì hành lang đen kịt")]
    [InlineData("khoi luon qua khe cua phong, e voi be ko dam mo cua")]
    [InlineData("nhà ông Tư bên cạnh đỏ rực cả một góc trời, nghe tiếng nổ lách tách")]
    [InlineData("nhìn qua cửa sổ thấy nhà hàng xóm sáng rực ánh lửa, khói bay mù trời")]
    [InlineData("dãy nhà trọ khói mù mịt cả hành lang mà cửa sắt dưới đất khóa, chủ trọ không có ở đây")]
    [InlineData("khu trọ đầy khói, cổng khóa ngoài, tụi em đang ở tầng 2 không ra được")]
    [InlineData("xe máy dưới tầng trệt đang cháy, khói bốc lên lầu, nhà ống chỉ có một cửa")]
    [InlineData("chiếc xe máy để trong nhà bốc cháy, lửa chặn hết lối ra, cả nhà em trên tầng 3")]
    [InlineData("xe may duoi tang 1 boc chay, khoi len tang tren, ca nha ko xuong dc")]
    [InlineData("cháy rừng trên đồi đang lan xuống, lửa cách nhà em chừng trăm mét, gió thổi về phía xóm")]
    [InlineData("lửa từ rừng thông trên núi đang cháy lan xuống bản, khói mù mịt")]
    [InlineData("đống rơm ngoài đồng bén lửa rồi, gió thổi về mấy nhà tranh trong xóm")]
    [InlineData("mấy cây rơm sau nhà bắt lửa, gió đang thổi lửa về phía nhà")]
    [InlineData("smell of gas in the kitchen and I heard a click from the stove, what do I do")]
    [InlineData("there are sparks coming from the meter box and a smell of burning plastic")]
    [InlineData("smoke is coming under my bedroom door and the hallway is hot")]
    [InlineData("the boarding house corridor is full of smoke and the gate is locked")]
    [InlineData("Chị ơi em hỏi chuyện vay vốn mấy hôm trước, em định mở quán nhỏ. Mà khoan chị ơi, giờ em ngửi thấy mùi khét, khói đang chui vào từ khe cửa phòng")]
    [InlineData("Bà con ơi nhà tôi già rồi mắt kém, đang ngồi thì ngửi mùi ga nồng nặc, nghe tách một tiếng ở bếp")]
    [InlineData("mạ ơi, bình ga nhà mệ xì ra nghe rõ, mùi ga nồng lắm, mệ ở nhà một mình")]
    [InlineData("ổ điện trong phòng con bé tóe lửa rồi bốc khói đen, con bé còn trong đó")]
    [InlineData("cầu dao nhà em nổ tách một cái rồi bốc khói, mùi khét lắm")]
    [InlineData("nhà bên kia khói đen ùn ùn, có tiếng người kêu cứu trên lầu")]
    [InlineData("thấy ánh lửa đỏ rực ở nhà kho cuối xóm, mọi người đang hô hoán")]
    [InlineData("khói trắng bốc ra từ mái nhà bà Năm, bà sống một mình, gọi không thấy ra")]
    [InlineData("dây điện ngoài cột đang xẹt lửa rơi xuống mái tôn nhà em")]
    [InlineData("ngoai doi lua dang chay xuong, khoi mu mit, ca ban dang chay")]
    public async Task FireBySigns_114First(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal("114", CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("nửa đêm nước sông lên tới bậc thềm rồi, vẫn còn đang lên")]
    [InlineData("ba giờ sáng nước sông dâng lên tới bậc cửa, nhà có ông bà già với con nhỏ")]
    [InlineData("nuoc song len toi bac tam cap roi, mua van to")]
    [InlineData("nước trong nhà ngập tới đầu gối rồi mà còn lên nữa")]
    [InlineData("nước vô nhà tới gối rồi, con nhỏ với mẹ già chưa biết đi đâu")]
    [InlineData("nuoc vo nha toi dau goi roi ma con len nua")]
    [InlineData("con suối sau nhà tự nhiên đục ngầu, chảy ầm ầm to lắm")]
    [InlineData("suối chảy ầm ầm, nước đục như bùn, mưa cả đêm")]
    [InlineData("quả đồi sau nhà nứt mấy đường to, mưa vẫn chưa dứt")]
    [InlineData("núi sau nhà có vết nứt dài mới xuất hiện, đá bắt đầu lăn xuống")]
    [InlineData("đá từ trên núi lăn xuống lộp cộp, rơi cả xuống sân nhà")]
    [InlineData("nhà em bị nghiêng rồi, tường nứt toác, mưa vẫn to")]
    [InlineData("căn nhà nghiêng hẳn sang một bên, móng bị nước xói")]
    [InlineData("bão làm tốc mái nhà rồi, tụi nhỏ đang ở trong nhà")]
    [InlineData("mái nhà bị gió giật bay mất, mấy đứa nhỏ núp dưới gầm giường")]
    [InlineData("ghe của ba tụi nhỏ ra khơi từ sáng, bão tới giờ chưa thấy về, gọi không được")]
    [InlineData("thuyền của chồng em đi biển chưa về mà bão đang vào")]
    [InlineData("tàu cá của xóm em mất liên lạc từ chiều, biển động dữ lắm")]
    [InlineData("mấy nhà bên kia đang ngồi trên nóc nhà chờ cứu, nước ngập gần tới mái")]
    [InlineData("cả nhà em đang ở trên mái, nước mênh mông, chưa ai tới")]
    [InlineData("bà cụ nhà bên kia sông bị nước cô lập, không qua được, không có gì ăn")]
    [InlineData("mẹ già em ở bên kia suối, nước lớn không ai qua được, bà ở một mình")]
    [InlineData("the river came up to our steps in the night and it is still rising")]
    [InlineData("water in the house is up to our knees and rising")]
    [InlineData("the hill behind our house has cracks opening and rocks are rolling down")]
    [InlineData("our roof was torn off by the storm and the kids are inside")]
    [InlineData("my husband's boat is not back and there is a storm")]
    [InlineData("Em chào chị, em là hội viên ở xã, hồi trước em có hỏi về bảo hiểm y tế cho con. Giờ em nhắn vì mưa cả đêm, con suối sau nhà chảy ầm ầm đục ngầu, đá lăn xuống")]
    [InlineData("o ơi nước lên tới thềm rồi, mạ với em nhỏ ở nhà, ba đi vắng")]
    [InlineData("ông bà ơi, mưa cả tuần, tường nhà con nứt toác, nghe tiếng răng rắc")]
    [InlineData("đồi sau nhà cứ rơi đất xuống, có tiếng ầm ầm trong núi")]
    [InlineData("nha e nghieng roi, tuong nut, mua van to, ko biet chay di dau")]
    [InlineData("nước ngập lút cửa sổ rồi, cả nhà lên gác, nước vẫn dâng")]
    public async Task WaterEarthStormBySigns_112First(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal("112", CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("cách phát hiện rò rỉ gas trong bếp ra sao hả chị")]
    [InlineData("xem phim thấy cảnh bình ga nổ ghê quá")]
    [InlineData("năm ngoái nhà em bị chập điện cháy công tơ, giờ có được hội hỗ trợ không")]
    [InlineData("hôm trước trường con em diễn tập phòng cháy, thoát khỏi phòng đầy khói")]
    [InlineData("nướng thịt bị khét, khói bay đầy bếp, làm sao cho đỡ khói")]
    [InlineData("đốt rơm ngoài đồng sau gặt có bị phạt không chị")]
    [InlineData("mùa này bà con hay đốt đồng, khói bay vào nhà khó chịu")]
    [InlineData("nhà trọ có cần lắp bình chữa cháy theo quy định không")]
    [InlineData("em muốn vay vốn sửa lại hệ thống điện nhà cho an toàn")]
    [InlineData("cách kiểm tra bình ga còn hạn hay không")]
    [InlineData("hoàng hôn trên đồi đỏ rực đẹp quá")]
    [InlineData("chồng em sửa xe máy dưới tầng trệt, mùi xăng nồng quá")]
    [InlineData("tin tức đưa cháy rừng ở Úc dữ quá")]
    [InlineData("tập huấn phòng cháy chữa cháy cho hội viên tổ chức khi nào")]
    [InlineData("nồi cơm điện bị khét, mùi nhựa cháy, chắc phải mua cái mới")]
    [InlineData("năm ngoái lũ lên tới đầu gối trong nhà, năm nay hội có hỗ trợ kê đồ không")]
    [InlineData("mùa lũ năm nào nước sông cũng lên tới bậc thềm nhà em")]
    [InlineData("hồi trước bão làm tốc mái nhà em, giờ hội có cho vay sửa nhà không")]
    [InlineData("con suối ở quê em nước trong vắt, chảy róc rách")]
    [InlineData("tường nhà em có vết nứt nhỏ, thợ bảo không sao, có vay sửa được không")]
    [InlineData("chồng em đi biển mấy ngày mới về, em hỏi bảo hiểm cho ngư dân")]
    [InlineData("đi câu cá ở suối, nước đục quá không được con nào")]
    [InlineData("phim thảm họa có cảnh người ngồi trên mái nhà chờ cứu")]
    [InlineData("diễn tập phòng chống lụt bão ở xã vào tuần sau")]
    [InlineData("em muốn hỏi chính sách hỗ trợ nhà bị sạt lở năm trước")]
    [InlineData("làm sao nhận biết dấu hiệu sạt lở đất để phòng tránh")]
    [InlineData("bà ngoại em ở bên kia sông, cuối tuần em qua thăm")]
    [InlineData("em lội nước tới đầu gối đi cấy lúa")]
    [InlineData("mưa to quá, không đi họp chi hội được, xin phép chị")]
    [InlineData("cái tháp nghiêng Pisa có đổ không vậy")]
    [InlineData("cây rơm nhà em chất cao để cho bò ăn mùa đông")]
    [InlineData("con em xem youtube cảnh cháy nhà xe máy, giờ sợ không dám ngủ")]
    [InlineData("mai chị em mình đi thuyền trên sông Hương chơi nha")]
    [InlineData("hôm qua có bão nhưng nhà em không sao, cảm ơn chị hỏi thăm")]
    [InlineData("cúp điện cả buổi, nghe nói do bão, bao giờ có điện lại")]
    [InlineData("khói bếp củi làm mắt em cay quá, có bếp nào đỡ khói không")]
    [InlineData("học bơi cho con ở đâu để mùa lũ đỡ lo")]
    [InlineData("nhà em nấu cơm bằng bếp ga, hỏi có vay mua bếp từ được không")]
    [InlineData("the movie had a scene where the gas cylinder was hissing")]
    [InlineData("how do we prepare for the typhoon season, any training")]
    [InlineData("đá lăn trong sách địa lý là gì vậy chị")]
    [InlineData("dây điện nhà em cũ quá, sợ chập, xin hỏi vay sửa điện")]
    public async Task EverydayMessage_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }
}
