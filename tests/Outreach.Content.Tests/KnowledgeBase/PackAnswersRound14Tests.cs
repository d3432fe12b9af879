using Outreach.Content.KnowledgeBase;
using Outreach.Content.Text;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>
/// Answers of round 14 (issue 10, sets Z and AA opened; the non-crisis side), by family: shorthand its neighbour decides
/// ("bh thất nghiệp" is bảo hiểm, "bh e lam j" bây giờ; "bao h" is bao giờ); central "ngày mô", "khi mô", "bữa mô"; tones left
/// off by a member who types the letters' marks ("hêt", "tôc"); coercive control; a card still valid; more things outside the
/// union's work (football terms and national teams, phone top-ups, history lessons, workouts, fishing and seasonal food, an
/// animal with a treatment); a union question asked apart after an off-topic story; small talk that asks for the off-topic
/// thing; a match told laughing; a question to the group ("mấy chị có coi ko"); weary faces; English from NGOs and foreign
/// spouses with place names; entries for meeting times, who collects dues, the startup contest, the union's breast screening,
/// praise of the union's videos. Most messages are written here; a few (marked) come from the sets.
/// </summary>
public sealed class PackAnswersRound14Tests
{
    [Theory]
    [InlineData("e lm cong nhan nghi viec r, bh that nghiep lam ntn dc nhan")] // set Z
    [InlineData("ck e dong bh tn 3 nam, gio bi cho nghi thi lanh bh that nghiep o dau")]
    [InlineData("mình mới mất việc, bh thất nghiệp làm hồ sơ sao")]
    public async Task BhBesideAnInsuranceWord_IsInsurance(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("insurance", decision.Topic);
        Assert.Contains("1900 9068", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bh e lam j", "bây giờ em lam gì")]
    [InlineData("dong bh xh", "dong bảo hiểm xh")]
    [InlineData("the bh con han ko", "the bảo hiểm con han không")]
    [InlineData("bao h mo", "bao giờ mo")]
    [InlineData("may h hop", "may giờ hop")]
    public void ShorthandItsNeighbourDecides(string typed, string expanded) =>
        Assert.Equal(
            VietnameseText.Tokenize(expanded).Select(t => t.Exact),
            ChatAbbreviations.Expand(VietnameseText.Tokenize(typed)).Select(t => t.Exact));

    [Theory]
    [InlineData("cuoc thi y tuong khoi nghiep cua hoi nam nay bao h mo v ad", "policy-startup-support")] // set Z
    [InlineData("đăng ký dự thi ý tưởng khởi nghiệp của hội ở đâu", "policy-startup-support")]
    [InlineData("đợt khám vú của hội năm ni tổ chức ở mô, ngày mô", "screening-schedule")] // set Z
    [InlineData("khi mô hội khám sàng lọc cho chị em rứa", "screening-schedule")]
    [InlineData("bữa mô chi hội họp hè", "membership-meetings")]
    [InlineData("chi hội mình tối mai họp lúc mấy giờ vậy chị", "membership-meetings")]
    [InlineData("tiền hội phí đóng cho ai vậy chị", "membership-dues")]
    [InlineData("chet cuoi voi may ba trong chi hoi, hop ma toan ban chuyen an. ma cho e hoi hoi phi nam nay dong cho ai vay", "membership-dues")] // set AA
    public async Task TimesAndPlacesOfTheUnionsWork_GetTheirEntry(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("tôi ngươi dân tôc, the bao hiêm cua tôi cung con có dung đươc nua không, cán bô bao hêt rôi")] // set L
    [InlineData("ba tôi ngươi dân tôc, the bhyt cua ba hêt han chưa, lam lai ơ đâu")]
    [InlineData("thẻ bảo hiểm y tế của mẹ em còn hạn không, xem ở đâu")]
    [InlineData("How do I know if my wife's health card has expired? We live in Can Tho")]
    [InlineData("Hi, I'm married to a Vietnamese woman in Da Nang. How can I check if her health insurance card is still valid?")] // set AA
    public async Task IsTheCardStillValid_GetsTheHealthCardAnswers(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("insurance", decision.Topic);
        Assert.Contains("BHXH", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ck hay lục điện thoại của em, cấm em nói chuyện với bạn bè, như vậy có phải bị kiểm soát không")]
    [InlineData("anh ấy bắt em đi đâu cũng phải chụp hình gửi, đọc trộm tin nhắn, vậy là sao")]
    [InlineData("ck e xem dien thoai e moi toi, cam e noi chuyen voi ban be, di dau cung phai chup hinh gui anh, tre 5p la gian lay ca tuan. ban e noi day la kiem soat, la sao a")] // set AA
    public async Task CoerciveControl_IsViolence(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("violence-definition", decision.EntryId);
        Assert.Contains("cô lập", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tối qua Việt Nam thắng Thái, thủ môn bên kia đứng hình, tiền đạo mình ghi bàn phút chót haha")]
    [InlineData("tối qua Việt Nam sút tung lưới Thái 3 bàn, thủ môn bên kia té cái oạch chết cười luôn")] // set Z
    [InlineData("tran toi qua thang tien dao sut trung cot doc 3 lan, chet cuoi, doi nao vo dich vay mn")] // set AA
    [InlineData("toi nay VN da voi Thai Lan may gio")] // set K
    [InlineData("chỉ mình cách nạp card điện thoại bằng momo với")]
    [InlineData("nạp tiền điện thoại bằng zalopay sao z")] // set Z
    [InlineData("con em hỏi khởi nghĩa Bà Triệu năm nào, ai biết không")]
    [InlineData("Cô giáo bắt con tìm hiểu Hai Bà Trưng đánh giặc năm nào, ai biết chỉ con với")] // set Y
    [InlineData("đau vai gáy quá, có bài tập nào cho đỡ không mấy chị")]
    [InlineData("met muon chet, ca ngay dap xe cho hang ra cho, toi ve con phu ong xa dap da ban quan nuoc. co bai tap nao bop co chan cho do moi ko mn")] // set T
    [InlineData("nước lên rồi mn ơi! mùa nước nổi năm nay cá linh nhiều không, nấu canh chua bông điên điển ngon số dzách")] // set Z
    [InlineData("heo nhà em bị tiêu chảy, tiêm thuốc gì cho khỏi")]
    [InlineData("ga nha em bi toi, uong thuoc gi")]
    [InlineData("vịt nhà em bị dịch chết gần hết, mua vắc xin gì tiêm cho đàn còn lại")]
    [InlineData("gà nhà e bị toi chết hàng loạt, mấy chị chỉ e thuốc gì với")] // set W
    [InlineData("rảnh quá ngồi giết thời gian, ad kể chuyện cười nghe đi")] // set W
    public async Task OutsideTheUnionsWork_FallsThrough(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bò nhà em chết vì dịch, hội có cho vay mua con giống không", "loan")]
    [InlineData("gà nhà em bị toi chết hết, hội có cho vay vốn nuôi lại không", "loan")]
    [InlineData("ngày phụ nữ khởi nghiệp tổ chức khi nào, em muốn mang mắm cá linh đi trưng bày", "policy")] // set N
    [InlineData("Cô giáo ra bài tập hỏi khi có cháy thì gọi số mấy, con em làm bài mà e cũng ko chắc", "hotline")] // set W
    [InlineData("coi phim ma sợ chết khiếp, giờ không ngủ được, bot nói chuyện với tui xíu đi", "smalltalk")]
    public async Task UnionWorkBesideAnOffTopicWord_StillGetsItsEntry(string message, string topic)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(topic, decision.Topic);
    }

    [Theory]
    [InlineData("tối qua xem bóng đá tới khuya. Mà chị ơi, vay vốn hộ nghèo cần giấy tờ gì", "loan-documents")]
    [InlineData("hôm qua xem phim hay ghê, à mà cho em hỏi thẻ bảo hiểm y tế hết hạn gia hạn ở đâu", "insurance-health-card")]
    [InlineData("coi phim thấy cảnh chồng đánh vợ mà sợ, ngoài đời gặp thì gọi số nào", "emergency-numbers")]
    [InlineData("Trường con em diễn tập thoát hiểm động đất, cả lớp chui gầm bàn vui ghê. Mà tối nay chi hội họp mấy giờ vậy ạ", "membership-meetings")] // set Z
    [InlineData("tối qua coi phim trên VTV ông chồng đánh vợ ghê quá, ngoài đời mà gặp vậy thì báo ai hả bot", "violence-where-to-report")] // set V
    [InlineData("bài lịch sử lớp 8 của con nói phụ nữ Nam Bộ đánh giặc hồi chống Pháp, cho em hỏi Hội LHPN Việt Nam thành lập ngày nào", "membership-history")] // set Z
    public async Task AQuestionAskedApartFromAnOffTopicStory_IsAnswered(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal(entry, decision.EntryId);
    }

    [Fact]
    public async Task AQuestionAboutTheOffTopicThingItself_StillFallsThrough()
    {
        // The clause asks, but about the drill it follows: no turn, so no entry answers it alone.
        var decision = await Packs.AskAsync("trường con diễn tập động đất, có cần chuẩn bị gì không");

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
    }

    [Theory]
    [InlineData("con trai em đá bóng ở trường, sút trúng cột dọc rồi té lăn quay 😂")]
    [InlineData("thằng cu nhà e đá banh sút thủng lưới mấy đứa lớp trên, về khoe 'con giết tụi nó 5-0 luôn mẹ' 🤣 kể cho vui thôi ad")] // set U
    public async Task AStoryAboutHerOwnChild_ToldLaughing_GetsTheLaugh(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("smalltalk-reaction", decision.EntryId);
    }

    [Theory]
    [InlineData("coi phim Thương ngày nắng về mà khóc hết nước mắt, mọi người xem chưa")]
    [InlineData("phim tối qua bà mẹ chồng ác quá, tức muốn xỉu, mấy chị có coi không")]
    [InlineData("Phim tối qua trên VTV thằng chồng đánh vợ xem tức muốn xỉu, mấy chị có coi ko")] // set M
    [InlineData("Chị ơi em mất ngủ cả tuần nay 😩")]
    [InlineData("nay đi làm cả ngày mệt rã người 😫")]
    [InlineData("Chồng em ngáy như sấm, em mất ngủ muốn chết luôn 😩")] // set Y
    public async Task ASighAskingTheGroupOrWithAWearyFace_GetsTheSigh(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("smalltalk-feelings", decision.EntryId);
    }

    [Theory]
    [InlineData("mấy chị có coi ko", true)]
    [InlineData("mọi người xem chưa", true)]
    [InlineData("có ai nghe chưa", true)]
    [InlineData("chi hội họp mấy giờ", false)]
    [InlineData("chị có biết số tổng đài không", false)]
    public void AQuestionToTheGroup_IsNoQuestionToTheBot(string clause, bool dropped) =>
        Assert.Equal(dropped, QuestionWords.WithoutGroupTags(clause).Length == 0);

    [Theory]
    [InlineData("Hội mình làm video dạy gói bánh tét đẹp xỉu, em chết mê luôn, bao giờ có tập mới vậy")] // set P
    [InlineData("clip hội hướng dẫn làm bánh bò hay quá, còn tập nữa không ad")]
    [InlineData("video chi hội múa đẹp quá")]
    public async Task PraiseOfTheUnionsVideos_GetsThanksAndWhereNewOnesAre(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("smalltalk-praise", decision.EntryId);
        Assert.Contains("đăng ký", decision.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PraiseOfAFilm_IsNotTheUnions()
    {
        var decision = await Packs.AskAsync("phim này hay quá, bao giờ có tập mới");

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
    }

    [Theory]
    [InlineData("I volunteer with an NGO in Ha Giang. Where can women who suffer domestic violence in remote villages find help?")]
    [InlineData("I'm an NGO worker in Lao Cai. Where can domestic violence survivors in ethnic minority villages get help locally, besides the police?")] // set M
    [InlineData("My friend's husband takes all her money and won't let her visit her parents. Who can help her?")]
    [InlineData("My colleague's Vietnamese wife told me her husband keeps all her salary and won't let her visit her family. Is there an organisation here that helps women in this situation?")] // set AA
    public async Task EnglishFromNgosAndForeigners_WithPlaceNames_GetsAViolenceEntry(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("violence", decision.Topic);
    }

    [Theory]
    [InlineData("I'm an NGO worker in Lao Cai. Where can survivors get help?", true)]
    [InlineData("dang ky vneid tren zalo o dau", false)]
    [InlineData("tooi muoons vay voons", false)]
    public void EnglishWithForeignWords_IsEnglish(string message, bool english) =>
        Assert.Equal(english, EnglishText.LooksEnglish(VietnameseText.Tokenize(message)));
}
