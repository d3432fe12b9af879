using Outreach.Content.KnowledgeBase;
using Outreach.Content.Text;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>
/// Answers of round 15 (issue 10, sets BB and CC opened; the non-crisis side), by family: a turn to her own question inside a
/// clause, typed without a comma ("xem đá banh vui quá mà tối nay chi hội họp mấy giờ"); plain "vay" that is "vậy"; English
/// about voluntary social insurance, ethnic groups, translations; a statement's group tags that took the question marks; giving
/// to help others; an animal that bites a person (no vet question); lured over the border (trafficking); a laugh closing a
/// question; a small business in trouble; more things outside the union's work (games, recipes, songs and shows,
/// translations) beside the union's own clubs and classes. Most messages are written here; a few (marked) come from the sets.
/// </summary>
public sealed class PackAnswersRound15Tests
{
    [Theory]
    [InlineData("xem da banh vui qua ma toi nay chi hoi hop may gio vay ad", "xem da banh vui qua, ma toi nay chi hoi hop may gio vay ad")] // found by hand
    [InlineData("tối qua coi phim hay ghê mà cho em hỏi vay vốn hộ nghèo cần giấy tờ gì", "tối qua coi phim hay ghê, mà cho em hỏi vay vốn hộ nghèo cần giấy tờ gì")]
    [InlineData("xem bóng đá thua buồn quá còn hội phí năm nay đóng cho ai vậy", "xem bóng đá thua buồn quá. Còn hội phí năm nay đóng cho ai vậy")]
    [InlineData("vé số hôm qua trật hết tiện thể cho hỏi vay vốn ngân hàng chính sách lãi suất bao nhiêu", "vé số hôm qua trật hết, tiện thể cho hỏi vay vốn ngân hàng chính sách lãi suất bao nhiêu")]
    [InlineData("hom qua di dam gio vui lam a ma chi hoi minh bao gio hop vay chi", "hom qua di dam gio vui lam a, ma chi hoi minh bao gio hop vay chi")]
    public async Task ATurnInsideAClause_WithoutAComma_AsksHerOwnQuestionAsWithOne(string message, string withComma)
    {
        var decision = await Packs.AskAsync(message);
        var punctuated = await Packs.AskAsync(withComma);

        Assert.Equal(AnswerKind.Answer, punctuated.Kind);
        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(punctuated.EntryId, decision.EntryId);
    }

    [Fact]
    public async Task ATurnInsideAClause_GetsTheMeetingTimes()
    {
        var decision = await Packs.AskAsync("xem da banh vui qua ma toi nay chi hoi hop may gio vay ad");

        Assert.Equal("membership-meetings", decision.EntryId);
    }

    [Theory]
    [InlineData("xem da banh ma tran toi nay may gio da vay ad")]
    [InlineData("đá banh mà thủ môn bắt kiểu gì vậy trời")]
    [InlineData("chơi game liên quân mà con em nghiện thì làm sao")]
    [InlineData("xo so mien nam hom nay ra con gi vay ad")] // set AA: plain "con" is no "còn"
    public async Task ATurnThatStaysWithTheStory_FallsThrough(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
    }

    [Theory]
    [InlineData("chi hoi bao gio hop vay chi", "chi hoi bao gio hop vậy chi")]
    [InlineData("hoi phi 1 nam dong bao nhieu vay", "hoi phi 1 nam dong bao nhieu vậy")]
    [InlineData("tieng anh cam on noi sao vay ad", "tieng anh cam on noi sao vậy ad")]
    [InlineData("o dau cho vay", "o dau cho vay")]
    [InlineData("bao nhieu tuoi thi duoc vay", "bao nhieu tuoi thi duoc vay")]
    [InlineData("lai suat bao nhieu khi vay", "lai suat bao nhieu khi vay")]
    public void PlainVayEndingAQuestion_IsVayUnlessItBorrows(string typed, string marked) =>
        Assert.Equal(marked, ChatParticles.Mark(typed));

    [Theory]
    [InlineData("My Vietnamese wife stays at home, can she join voluntary social insurance?")] // set BB
    [InlineData("Can my wife, a housewife with no job, buy voluntary social insurance?")]
    [InlineData("My wife doesn't work. Is she allowed to pay into social insurance on her own?")]
    public async Task EnglishAboutVoluntarySocialInsurance_GetsIt(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("insurance-voluntary-social", decision.EntryId);
    }

    [Theory]
    [InlineData("I'm an NGO worker in Lào Cai. Where can a Hmong woman facing domestic violence get help locally?")] // set BB
    [InlineData("Where can Dao women facing domestic violence find support nearby?")]
    [InlineData("phụ nữ dân tộc thiểu số bị bạo lực gia đình thì tìm hỗ trợ ở đâu tại địa phương")]
    public async Task EthnicMinorityWomenFacingViolence_InEnglishToo_GetTheTrustedAddresses(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("violence", decision.Topic);
    }

    [Theory]
    [InlineData("How do you say thank you in Korean?")] // set BB
    [InlineData("How do I say sorry in Japanese?")]
    [InlineData("Can you translate thank you into Chinese?")]
    [InlineData("dịch giùm em câu tôi yêu em sang tiếng Hàn")]
    [InlineData("tieng anh cam on noi sao vay ad")]
    [InlineData("mẹ chồng tiếng Hàn gọi là gì vậy chị")]
    public async Task ATranslation_IsOutsideTheUnionsWork(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
    }

    [Theory]
    [InlineData("How do you say thank you in Korean?", "How do you say thank you in Korean?")]
    [InlineData("phim hay quá. mấy chị có coi ko?", "phim hay quá.")]
    public void GroupTagsGo_OtherClausesKeepTheirQuestionMarks(string text, string kept) =>
        Assert.Equal(kept, QuestionWords.WithoutGroupTags(text));

    [Theory]
    [InlineData("Hồi 2016 nhà em bị lũ cuốn trôi, được hội giúp dựng lại nhà. Giờ em khá rồi, muốn góp tiền giúp người khác thì gửi đâu ạ")] // set BB
    [InlineData("em muốn ủng hộ ít tiền cho chị em khó khăn thì gửi qua đâu")]
    [InlineData("nhà em làm ăn khá rồi, muốn đóng góp giúp hội viên nghèo thì liên hệ ai")]
    [InlineData("minh muon gop chut tien giup nguoi ngheo trong xa thi gui ai")]
    public async Task GivingToHelpOthers_GetsTheReliefEntry(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("policy-relief", decision.EntryId);
        Assert.Contains("chi hội trưởng", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chị em ơi bảo hiểm y tế có trả tiền tiêm phòng dại không, con em bị chó cắn tuần trước giờ ổn rồi")] // set BB
    [InlineData("bé nhà em bị mèo cào, tiêm phòng dại có được bảo hiểm y tế chi trả không")]
    [InlineData("bhyt co chi tra tiem vac xin dai khong, chong em bi cho can")]
    [InlineData("chó nhà hàng xóm cắn con em, tiêm vắc xin dại bảo hiểm y tế có trả không")]
    public async Task AShotAfterAnAnimalBitHer_IsAHealthInsuranceQuestion(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("insurance", decision.Topic);
        Assert.Contains("1900 9068", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chó nhà em bị ghẻ, bôi thuốc gì cho hết")]
    [InlineData("gà nhà em bị toi, cho uống thuốc gì")]
    public async Task AnAnimalToTreat_IsStillTheVets(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
    }

    [Theory]
    [InlineData("Chị ơi hồi đó em bị người ta dụ qua Trung Quốc, giờ em về được 1 năm rồi mà không có nghề, hội có giúp người như em không chị?")] // set Q
    [InlineData("chị họ em bị lừa sang bên kia biên giới mấy năm, nay về rồi, hội giúp được gì không")]
    [InlineData("e bi dua qua trung quoc lam dau 2 nam moi tron ve, gio muon hoc nghe thi hoi co giup ko")]
    public async Task LuredOverTheBorderAndBack_GetsTheTraffickingEntry(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("violence-trafficking", decision.EntryId);
    }

    [Theory]
    [InlineData("de an ho tro khoi nghiep co cuu dc cai tiem tap hoa sap sap cua e ko haha", "policy")] // set BB
    [InlineData("de an khoi nghiep co giup dc quan com cua e ko hehe", "policy")]
    [InlineData("vay von ho ngheo lai bao nhieu vay chi haha :))", "loan")]
    [InlineData("hội có cho vay vốn mở quán không ta hihi", "loan")]
    public async Task ALaughClosingAQuestion_LeavesTheQuestion(string message, string topic)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(topic, decision.Topic);
    }

    [Theory]
    [InlineData("vay vốn lãi bao nhiêu vậy chị haha", "vay vốn lãi bao nhiêu vậy chị")]
    [InlineData("haha", "haha")]
    [InlineData("hôm nay vui quá haha", "hôm nay vui quá haha")]
    public void ALaughClosingAQuestion_IsLeftOff(string text, string asked) =>
        Assert.Equal(asked, QuestionWords.WithoutClosingLaugh(text));

    [Theory]
    [InlineData("buôn bán ế quá, cái sạp của em sắp dẹp, hội có giúp gì không")]
    [InlineData("quan com cua chi lam an thua lo may thang nay, hoi co ho tro gi ko")]
    public async Task ASmallBusinessInTrouble_GetsTheStartupSupport(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("policy-startup-support", decision.EntryId);
    }

    [Theory]
    [InlineData("toi nay chi hoi choi ma soi, soi giet 1 nguoi moi dem, roi sao nua ad")] // set BB
    [InlineData("tối qua chi hội chơi ma sói vui ghê, sói cắn ai trước vậy ad")]
    [InlineData("họp chi hội xong mấy chị chơi bài uno, luật rút 4 lá là sao vậy")]
    [InlineData("choi co ca ngua xuc xac ra 6 thi duoc di may buoc vay mn")]
    [InlineData("con gái em muốn học taekwondo, đai vàng lên đai xanh mất bao lâu")]
    [InlineData("chỉ em cách làm bánh bông lan bằng nồi cơm điện")]
    [InlineData("cách muối dưa cải cho giòn mấy chị chỉ em với")]
    [InlineData("nồi chiên không dầu nướng cánh gà bao nhiêu độ bao lâu vậy chị em")]
    [InlineData("cach pha tra sua tran chau tai nha ngon nhu ngoai tiem")]
    [InlineData("nhạc bolero bài nào hay nhất mấy chị")]
    [InlineData("phim bộ trên vtv tối nay tập cuối, cô vợ có bỏ chồng không mn")]
    public async Task GamesRecipesSongsAndShows_FallThrough(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chi hội mình có đội bóng chuyền hơi không, em muốn tham gia", "membership-clubs")]
    [InlineData("hội có lớp võ tự vệ cho phụ nữ không", "membership-skills-training")]
    [InlineData("hội có dạy nấu ăn không", "policy-jobs-training")]
    public async Task TheUnionsOwnClubsAndClasses_KeepTheirEntries(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }
}
