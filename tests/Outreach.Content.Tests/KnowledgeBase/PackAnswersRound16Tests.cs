using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>
/// Answers of round 16 (sets HH and II opened; the non-crisis side), by family: who may borrow (a foreign husband, not only
/// poor households, from what age); a meeting forgotten or late ("chết rồi" as "oops"); asking the bot for comfort; a man
/// out of prison who says he will come and find her (threats, not acute); English about threats and legal help, and a foreign
/// wife who wants to join; asking for a joke or about a film beside a sigh (outside the union's work); help after a flood or
/// a storm; violence at home over a game; a programme's number typed plain ("de an 939 con ko"). Most messages are written
/// here; a few (marked) come from the sets or the walk.
/// </summary>
public sealed class PackAnswersRound16Tests
{
    [Theory]
    [InlineData("Chồng tôi là người nước ngoài, tôi có vay vốn qua hội được không hay phải là hộ nghèo mới được?")] // set HH
    [InlineData("ông xã em là người Trung Quốc, em vay vốn ưu đãi ở hội được không")]
    [InlineData("có phải hộ nghèo mới được vay vốn không ad")]
    [InlineData("nha em khong phai ho ngheo thi co vay von uu dai duoc khong")]
    [InlineData("bao nhiêu tuổi thì được vay vốn")] // the walk
    [InlineData("mấy tuổi thì được vay vốn ngân hàng chính sách vậy chị")]
    [InlineData("bao nhieu tuoi moi dc vay von qua hoi")]
    public async Task WhoMayBorrow_GetsTheLoanProgrammes(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("loan-programmes", decision.EntryId);
    }

    [Theory]
    [InlineData("chồng em là người nước ngoài, em có vào hội được không", "membership-join")]
    [InlineData("bao nhiêu tuổi được vào hội phụ nữ", "membership-join")]
    [InlineData("bao nhiêu tuổi thì được kết hôn", "violence-child-marriage")]
    [InlineData("con gái 16 tuổi lấy chồng được chưa", "violence-child-marriage")]
    public async Task AgeOrAForeignHusband_WithoutALoan_KeepTheirEntries(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(entry, decision.EntryId);
    }

    [Theory]
    [InlineData("chết rồi quên mất hôm nay họp chi hội, giờ còn kịp không")] // set HH
    [InlineData("thôi chết, em quên buổi sinh hoạt chi hội tối qua rồi, có sao không")]
    [InlineData("quen mat hom nay hop chi hoi, gio den con kip ko ad")]
    [InlineData("chết cha, em quên mất hôm nay họp hội phụ nữ, giờ tới trễ được không")]
    [InlineData("đi họp chi hội trễ nửa tiếng có được vô không")]
    [InlineData("chet roi hom nay hop to phu nu ma em quen, con kip khong")]
    public async Task AMeetingForgottenOrLate_GetsTheMeetings(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("membership-meetings", decision.EntryId);
    }

    [Theory]
    [InlineData("hnay e đi thi về, đề khó muốn xỉu luôn, ad an ủi e đi 🥲")] // set HH
    [InlineData("thi trượt rồi buồn quá, ad an ủi em chút đi")]
    [InlineData("lam bai thi khong duoc, ad dong vien e voi")]
    [InlineData("bị sếp la cả buổi, bot an ủi tui xíu đi")]
    [InlineData("con ốm cả tuần, chị mệt rã rời, động viên chị chút nha")]
    public async Task AskingForComfort_GetsTheSigh(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("smalltalk-feelings", decision.EntryId);
    }

    [Theory]
    [InlineData("chồng cũ ở tù ra, nhắn là sẽ tìm mẹ con tôi, giờ chưa thấy ổng tới nhưng tôi sợ, có nên báo ai trước không")] // set HH
    [InlineData("chồng cũ mới ra tù, nhắn tin nói sẽ về tìm mẹ con em, em sợ quá nên báo ai")]
    [InlineData("ba của con em sắp mãn hạn tù, ổng dọa về sẽ bắt con, giờ em phải làm sao")]
    [InlineData("người yêu cũ cứ nhắn sẽ đến tận nhà tìm em, em có nên trình báo công an không")]
    [InlineData("anh ta ra tù rồi, gọi điện nói sẽ tìm bằng được tôi, tôi nên làm gì trước")]
    public async Task AManWhoSaysHeWillComeAndFindHer_GetsTheThreatsWithTheNumbers(string message)
    {
        var decision = await Packs.AskAsync(message);

        // The entry, alone or after a crisis reply (threats that are not acute: 1900 969 680 first).
        Assert.Equal("violence-threats", decision.EntryId);
        Assert.Contains("113", decision.FullText, StringComparison.Ordinal);
        Assert.Contains("1900 969 680", decision.FullText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How can my Vietnamese wife get legal help? Her ex keeps sending threatening messages on Facebook.")] // set HH
    [InlineData("I'm British, married to a Vietnamese woman. Her brother keeps sending her threatening texts about the family land money. Nothing physical so far. Who can advise her?")] // set II
    [InlineData("My wife's ex-husband keeps threatening her by text. Where can she get free legal advice?")]
    [InlineData("Where can my Vietnamese wife get legal advice? Her ex-boyfriend keeps sending her threats.")]
    [InlineData("My sister-in-law gets threatening messages from her former husband. Who can help her?")]
    [InlineData("How do I get legal help for my wife? Her brother threatens her over money.")]
    public async Task EnglishAboutThreatsAndLegalHelp_GetsTheThreatsOrLegalAid(string message)
    {
        var decision = await Packs.AskAsync(message);

        // The entry, alone or after a crisis reply (threats that are not acute: 1900 969 680 first).
        Assert.Contains(decision.EntryId, new[] { "violence-threats", "violence-legal-aid" });
        Assert.Contains("1900 969 680", decision.FullText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Can I join the Women's Union? I'm Australian, married to a Vietnamese man, living in Hue.")] // set HH
    [InlineData("I'm Korean, married to a Vietnamese man. Can I become a member of the Women's Union?")]
    [InlineData("How do I join the women's union? I am from the Philippines and live in Can Tho with my husband.")]
    [InlineData("Is it possible for a foreigner to join the Women's Union?")]
    public async Task AForeignWifeAskingToJoin_InEnglish_GetsTheMembership(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("membership-join", decision.EntryId);
    }

    [Theory]
    [InlineData("Kể chuyện cười đi ad, buồn ngủ quá")] // set HH
    [InlineData("chán quá, kể chuyện cười cho tui nghe với")]
    [InlineData("buon ngu qua, ke chuyen cuoi nghe di bot")]
    [InlineData("tối qua coi phim Nhà bà Nữ thấy cảnh ông chồng đánh vợ mà tức muốn chết luôn, phim này ai đạo diễn dzậy ad")] // set II
    [InlineData("xem phim Lật mặt xong buồn ghê, phim đó diễn viên chính là ai vậy")]
    [InlineData("mệt quá ad ơi, chỉ em game nào chơi cho đỡ buồn đi")]
    [InlineData("coi phim Hàn buồn quá, ad kể tên mấy phim hay đi")]
    public async Task ASighBesideARequestForSomethingOutsideTheWork_FallsThrough(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
        Assert.Contains("ngoài phạm vi", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coi phim Thương ngày nắng về mà khóc hết nước mắt, mọi người xem chưa")]
    [InlineData("Phim tối qua trên VTV thằng chồng đánh vợ xem tức muốn xỉu, mấy chị có coi ko")] // set M
    [InlineData("xem bóng đá thua buồn ghê")]
    [InlineData("coi phim ma sợ quá, giờ không ngủ được, bot an ủi tui xíu đi")]
    public async Task ASighAboutAFilmOrAMatch_AskingNothingOfIt_IsStillTheSigh(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("smalltalk-feelings", decision.EntryId);
    }

    [Theory]
    [InlineData("lu nam ngoai nha em ngap het, nam nay hoi co ho tro sua nha khong ad")] // the walk
    [InlineData("bão vừa rồi tốc mái nhà em, hội có giúp sửa nhà không")]
    [InlineData("nhà bị sạt lở sau mưa lũ, hội phụ nữ có hỗ trợ gì không")]
    [InlineData("năm ngoái bão làm sập nhà, giờ hội có giúp xây lại không ạ")]
    public async Task HelpAfterAFloodOrAStorm_GetsTheRelief(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal("policy-relief", decision.EntryId);
        Assert.Contains("Mái ấm tình thương", decision.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("con em nghiện game, chồng đánh nó, em phải làm sao")] // the walk
    [InlineData("con gai em choi game suot, chong em danh con hoai, em lam sao")]
    [InlineData("xem phim thấy cảnh chồng đánh vợ, chồng em cũng vậy, em phải làm sao")]
    public async Task ViolenceAtHome_OverSomethingOutsideTheWork_GetsAViolenceEntry(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("violence", decision.Topic);
    }

    [Theory]
    [InlineData("coi phim tối qua, ông chồng đánh vợ dã man quá, phim tên gì vậy mn")]
    [InlineData("xem phim hành động, thằng chồng đánh vợ, ai đóng vai đó vậy")]
    [InlineData("đọc truyện ngôn tình, nam chính đánh nữ chính, sao tác giả viết vậy")]
    [InlineData("con em nghiện game quá, làm sao cho nó bỏ")]
    public async Task AFilmsBeatingOrAGameAlone_StillFallsThrough(string message)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(AnswerKind.Fallback, decision.Kind);
    }

    [Theory]
    [InlineData("de an 939 con ko ad", "policy-939")] // set II
    [InlineData("de an 938 con ko", "policy-938")]
    [InlineData("chuong trinh 1719 con ko ad", "policy-1719")]
    public async Task AProgrammesNumberTypedPlain_GetsThatProgramme(string message, string entry)
    {
        var decision = await Packs.AskAsync(message);

        Assert.Equal(entry, decision.EntryId);
    }
}
