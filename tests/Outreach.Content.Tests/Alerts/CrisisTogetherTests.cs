using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;
using Outreach.Content.KnowledgeBase;
using Outreach.Testing;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// Round 15 (crisis-together.yaml): crises read as a structure, a rule's groups told together in one sentence
/// (<c>within: sentence</c>). A child word (con bé, thằng cu, đứa nhỏ, tụi nhỏ, cháu, học sinh, an age under 18, a school
/// grade) with a sign of harm, neglect or exploitation in the same sentence is a child at risk (111; 113 first when a
/// person is hurting the child now); what she sees of water, mud or wind with people in peril in the same sentence is a
/// disaster (112). Our own paraphrases (elderly, Southern and Northern words, no diacritics, teencode, English, neighbours),
/// a few messages from sets BB and CC (marked with their id), and their quiet neighbours: school, meals, fees, vaccines,
/// forecasts, drills, floods long past, films.
/// </summary>
public sealed class CrisisTogetherTests
{
    [Theory]
    // A child: hunger, marks, locked in, chained, wasted.
    [InlineData("con be nha ben canh may hom nay bo me di dau mat, toi nao cung nghe no khoc doi, ko ai nau com cho", "111")]
    [InlineData("Đứa nhỏ nhà trọ kế bên ngày nào cũng bị nhốt ngoài ban công tới khuya, trời lạnh run cầm cập", "111")]
    [InlineData("Con bé hàng xóm gầy trơ xương, mặt lúc nào cũng bầm, mẹ kế nó cho ăn cơm thừa", "111")]
    [InlineData("hoc sinh lop 4 cua toi den lop ma lung co vet lan do, hoi thi em no run", "111")]
    [InlineData("thằng nhỏ nhà bên bị bố nó xích chân vào cột nhà, bảo là để nó khỏi chạy", "111")]
    [InlineData("be nha ben moi 2 tuoi bi bo o nha mot minh tu sang, cua khoa ngoai, nghe khoc khan ca giong", "111")]
    [InlineData("Mấy hôm nay tôi để ý con bé nhà trọ đối diện, ba mẹ nó nhậu suốt, nó đói quá sang xin cơm nhà tôi, trên cổ có vết bầm", "111")]
    [InlineData("chau be 4 tuoi nha ben bi nhot trong chuong ga tu sang, tui nghe no goi me khan ca co", "111")]
    [InlineData("there's a little boy in our building who is always bruised and his stepdad screams at him every night", "111")]
    [InlineData("Thang be con nha hang xom hay co vet bam tren tay, chan, hoi thi no so khong dam noi", "111")] // cc-059
    // Lost, alone and crying.
    [InlineData("e thay 1 be trai tam 5 tuoi ngoi khoc mot minh o ben xe tu chieu, hoi ko biet me dau", "111")]
    [InlineData("be gai tam 10 tuoi ngoi o tram xe buyt mot minh tu trua, khoc quai, hoi nha dau ko biet", "111")]
    [InlineData("Có đứa nhỏ lạc mẹ ngoài chợ, khóc mãi, hỏi không biết nhà ở đâu", "111")] // cc-056
    // Begging, working instead of school, late at night.
    [InlineData("thằng cu nhà dưới mới 9 tuổi mà bị ba nó bắt đi bán vé số tới nửa đêm, không cho đi học", "111")]
    [InlineData("ở đầu hẻm có mấy đứa nhỏ đi bán kẹo tới 11 12 giờ đêm, có ông đứng canh, bán không hết là bị đánh", "111")]
    [InlineData("con bé hàng xóm 11 tuổi bị bắt nghỉ học ở nhà đi chăn trâu, ốm o mà vẫn bắt đi", "111")]
    [InlineData("Ở chợ có người đàn ông dẫn mấy đứa nhỏ đi xin tiền, đứa nào xin được ít là bị ổng véo tai, tụi nhỏ ốm nhom", "111")] // bb-059
    [InlineData("thang be 12 tuoi hang xom bi gia dinh bat di phu ho ngay dem, om o ma van bat di", "111")] // bb-051
    // Taken away, a man's room, pictures asked for.
    [InlineData("Cháu tôi 15 tuổi bị một bà môi giới đưa lên thành phố làm, giờ tắt máy 5 ngày không liên lạc được", "111")]
    [InlineData("con gai toi 14t, co ong chu tiem net hay nhan tin ru di khach san, no so khong dam ke voi ai", "111")]
    [InlineData("cháu gái tui học lớp 6, dạo này về là khóc, nói ông bảo vệ trường hay kéo vô phòng kho", "111")]
    [InlineData("con chị gái em 15 tuổi bị người ta dẫn sang bên kia biên giới, nói đi làm, giờ không gọi được", "111")] // bb-060
    [InlineData("cháu học lớp 8, có thầy hay nhắn tin bảo cháu lên phòng riêng, cháu sợ", "111")] // cc-060
    [InlineData("em hoc lop 9, co anh tren fb doi gui anh nong, neu ko se tung anh cu, e so qua", "111")] // cc-068
    [InlineData("em 15t, co nguoi tren mang hua cho e di lam o thanh pho luong cao, hen mai ra ben xe, e co nen di ko", "111")] // cc-058
    [InlineData("My NGO team found a 12-year-old girl working in a karaoke bar in the district. Who do we report to?", "111")] // cc-069
    // Punished past bearing at school: 111 first, even with a hand on the neck.
    [InlineData("con e lop 2 ve ke co giao bat quy ngoai nang, bop co, hom nay con so khong dam di hoc", "111")] // bb-052
    // Being hurt right now: 113 first.
    [InlineData("ông hàng xóm đang quất thằng bé bằng roi mây ngoài sân, nó kêu thảm thiết", "113")]
    [InlineData("ba nó đang cầm dây nịt quất con nhỏ ngoài sân, con nhỏ gào khóc", "113")]
    [InlineData("Ông hàng xóm vừa lôi con bé nhà bên vô nhà rồi đóng cửa lại, con bé la khóc dữ lắm, tôi phải làm sao", "113")] // bb-008
    // Water, mud, wind, and people in peril.
    [InlineData("nuoc o song dang tran len bo, da vo toi san nha, ba noi tui nam liet khong di dc", "112")]
    [InlineData("tụi e ở trên nóc nhà 2 ngày rồi, xung quanh toàn nước, chưa thấy ghe xuồng nào tới", "112")]
    [InlineData("mua lon qua, thay nuoc ngap toi bac cau thang thu 3 roi, con dang len, mat dien, e so qua", "112")]
    [InlineData("bão thổi bay nửa mái nhà, tường bên hông đổ, mẹ con em đang trú trong nhà tắm", "112")]
    [InlineData("doi sau nha e bi sat 1 mang lon, dat dang tuot xuong mai nha, e voi 2 con chay ra roi ma ong noi con ben trong", "112")]
    [InlineData("Mưa suốt đêm, sáng ra thấy con dốc sau nhà nứt một vệt dài, cây nghiêng hết về phía nhà", "112")]
    [InlineData("nuoc suoi do ngau am am, keo ca cay lon troi xuong, nha ong ba o ngay mep suoi", "112")]
    [InlineData("ghe nhà bên đi đánh cá hôm qua, bão vô rồi mà bộ đàm không ai trả lời", "112")]
    [InlineData("The river burst its banks, water is up to the windows and my elderly parents are stuck upstairs", "112")]
    [InlineData("My village is cut off by the flood, we have no food left and my baby has a fever", "112")]
    [InlineData("xã tôi bị cô lập 3 ngày nay, hết gạo, nước chưa rút, có mấy người già ốm không ra được", "112")] // bb-044
    [InlineData("mn oi khu e nuoc ngap den nguc roi, ko co thuyen, ba bau sap sinh", "112")] // cc-048
    [InlineData("e o vung nui, mua 3 ngay roi, nuoc tu tren nui tran xuong keo theo da, nha e rung rung", "112")] // cc-052
    [InlineData("Nước rút không kịp, thuyền chở mấy chị em đi chợ bị lật giữa sông, có người chưa thấy lên", "112")] // cc-051
    // Flames raging; held at a workshop with the phone taken; stung and gasping.
    [InlineData("xuong go gan xom dang boc lua ngun ngut, may nha mai la xung quanh chua ai ra", "114")] // bb-036
    [InlineData("e bi may nguoi o xuong giu lai ko cho ve, ho lay dt cua e, e muon bao cong an ma ko biet goi so nao", "113")] // cc-010
    [InlineData("bo em di lam vuon bi ong vo ve dot khap nguoi, gio mat sung vu, tho khong ra hoi", "115")] // cc-025
    public async Task Together_RightNumberFirst(string text, string first)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.Equal(AnswerKind.Crisis, decision.Kind);
        Assert.Equal(first, CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value);
    }

    [Theory]
    [InlineData("con em lop 2 hoc yeu qua, co giao goi ve noi chuyen, lam sao kem con o nha")]
    [InlineData("bé nhà em 3 tuổi ở nhà với bà ngoại cả ngày vì em đi làm, có chỗ gửi trẻ nào rẻ không")]
    [InlineData("Con trai em 15 tuổi muốn nghỉ học đi học nghề sửa xe, hội có hỗ trợ học nghề không")]
    [InlineData("bố mẹ đi làm xa, hai đứa nhỏ ở với ông bà nội, có được hỗ trợ gì không chị")]
    [InlineData("con bé nhà em lười ăn, cứ đến bữa là khóc, có cách nào không")]
    [InlineData("con bé nhà em gầy gò, biếng ăn, có thuốc gì bổ không")]
    [InlineData("con em bị lạc đề bài văn, cô cho 4 điểm, buồn quá")]
    [InlineData("con em 5 tuổi đi lạc ở siêu thị 10 phút, may tìm được ngay, giờ dạy con thế nào")]
    [InlineData("phim Hàn hôm qua có cảnh đứa bé bị bỏ rơi ngoài cổng chùa, xem mà khóc")]
    [InlineData("có lớp kỹ năng dạy trẻ nhận biết xâm hại không chị")]
    [InlineData("Làm sao dạy con nhận biết người lạ, không đi theo ai khi tan trường?")]
    [InlineData("đứa nhỏ nhà em 10 tuổi ở nhà một mình 1 tiếng lúc em đi chợ được chưa")]
    [InlineData("con em học lớp 4, tối nào cũng học bài tới khuya, có sao không")]
    [InlineData("bé nhà em khóc mãi mỗi khi em đi làm, để ở nhà với bà nội")]
    [InlineData("Con gái tôi 16 tuổi muốn đi làm thêm ở quán cà phê dịp hè, cần giấy tờ gì")]
    [InlineData("bé nhà hàng xóm hay sang nhà em chơi, ăn cơm với con em, mẹ nó đi làm ca đêm")]
    [InlineData("năm 2020 nước lũ ngập tới mái nhà em, giờ hội có chương trình xây nhà chống lũ không")]
    [InlineData("du bao tuan sau co bao vao mien trung, hoi co phat tui so cuu khong")]
    [InlineData("xa minh mai dien tap phong chong lu, chi hoi co can di khong")]
    [InlineData("Nhà em ở chân đồi, mùa mưa năm nay có cần chuẩn bị gì để phòng sạt lở không")]
    [InlineData("xem tin thấy miền núi sạt lở nhiều quá, hội có quyên góp không, em muốn ủng hộ")]
    [InlineData("Mùa lũ năm ngoái nhà em bị cô lập 5 ngày, nay muốn học nghề làm thêm")]
    [InlineData("bão đi qua rồi, nhà em bị tốc mấy tấm tôn, hội có hỗ trợ sửa không")]
    [InlineData("nhà em ở ven sông, mùa nước nổi năm nào cũng lên ngang gối, quen rồi")]
    [InlineData("phim hôm qua có cảnh lũ cuốn trôi cả làng, xem mà thương")]
    [InlineData("mua gio to qua, nha toi mat dien tu chieu, bao gio co dien lai vay ad")]
    [InlineData("huyen bo roi thi hoi phu nu huyen con ko")] // bb-147
    [InlineData("con e muon hoc vo, thay day danh dam da chan, co lop nao cho be gai gan nha ko")] // bb-094
    [InlineData("xem phim tối qua khóc muốn chết, cảnh ông chồng đánh vợ ghê quá, ad xem phim đó chưa")] // bb-083
    [InlineData("Có đứa nhắn Zalo giả làm con gái tôi xin tiền gấp, tôi già rồi không biết đâu thật đâu giả")] // v-142
    [InlineData("con gai e hoc lop 8, co nghe truong noi clb thu linh cua su thay doi, la clb gi vay, cho con tham gia co tot ko")] // aa-113
    public async Task QuietNeighbour_NotACrisis(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        Assert.NotEqual(AnswerKind.Crisis, decision.Kind);
    }

    // Violence long past or verbal, told to ask about help: never 113 first.
    [Theory]
    [InlineData("Chồng em người Hàn, hồi ở bên đó hay nhốt em trong nhà. Em về VN rồi, giờ muốn ly hôn thì hỏi ai?")] // bb-076
    [InlineData("Nam 2015 chong cu tung danh toi, gio ly hon lau roi, on roi. Toi muon lam tinh nguyen giup chi em khac bi bao hanh thi dang ky o dau")] // cc-079
    [InlineData("ck e hay chửi bới xúc phạm e trước mặt con, vậy có phải là bạo lực gia đình ko ạ")] // h-126
    [InlineData("con trai e 8t bi co giao phat quy ca buoi, danh thuoc ke vo tay, e nen lam gi")] // j-114
    public async Task NotAcute_NoEmergencyNumberFirst(string text)
    {
        var decision = await CrisisAsk.AskAsync(text);

        var first = CrisisAsk.Numbers().Match(decision.Text.Split('\n')[0]).Value;
        Assert.False(decision.Kind == AnswerKind.Crisis && first is "113" or "115" or "111" or "112", $"{first}: {decision.Text}");
    }

    // The structure itself: a rule `within: sentence` needs its groups in one sentence; without it, anywhere in the message.
    [Theory]
    [InlineData("con bé bị nhốt ngoài ban công", null, true)]
    [InlineData("con bé bị nhốt ngoài ban công", "sentence", true)]
    [InlineData("con bé đi học rồi. Nhà bên bị nhốt chó ngoài ban công", null, true)]
    [InlineData("con bé đi học rồi. Nhà bên bị nhốt chó ngoài ban công", "sentence", false)]
    [InlineData("con bé đi học rồi, nhà bên bị nhốt chó ngoài ban công", "sentence", true)]
    [InlineData("con bé đi học rồi, nhà bên bị nhốt chó ngoài ban công", "clause", false)]
    public void Within_GroupsInOneSentenceOrClause(string text, string? within, bool fires)
    {
        var rules = new CrisisRules(
            new Dictionary<string, IReadOnlyList<string>> { ["kid"] = ["con bé"], ["harm"] = ["bị nhốt"] },
            [new CrisisRule(CrisisCategory.Child, ["kid", "harm"]) { Within = within }],
            [],
            new Dictionary<CrisisCategory, string> { [CrisisCategory.Child] = "Gọi 111." },
            new Dictionary<CrisisCategory, string>(),
            new Dictionary<string, string>(),
            "Hội Phụ nữ xã.",
            "",
            "");

        Assert.Equal(fires, new CrisisDetector(rules).AssessByRules(text).IsCrisis);
    }

    [Fact]
    public async Task Within_UnknownValue_RefusedWithTheFileNamed()
    {
        using var folder = new ContentPackCopy();
        folder.Write("crisis-zz-test.yaml", "rules:\n  - { category: child, all: [child, neglect], within: paragraph }\n");

        var error = await Assert.ThrowsAsync<ContentPackException>(() => ContentPackReader.ReadAsync(folder.Path, TestContext.Current.CancellationToken));

        Assert.Contains("Tệp crisis-zz-test.yaml: luật 'child' có within 'paragraph'", error.Message, StringComparison.Ordinal);
    }
}
