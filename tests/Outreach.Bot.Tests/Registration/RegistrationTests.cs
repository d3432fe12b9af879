using System.Text.RegularExpressions;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Registration;

/// <summary>
/// Members placing themselves, end to end on real PostgreSQL through both emulators: a link's ref (Get Started and referral),
/// the registration dialog with old names, split communes and chi hội, join codes, Zalo's form, skipping, and the dialog
/// giving way to a crisis or a question.
/// </summary>
public sealed partial class RegistrationTests(PostgresServer server) : IAsyncLifetime
{
    private RegistrationGateway _gateway = null!;

    private RegistrationGateway.Tree Units => _gateway.Units;

    public async ValueTask InitializeAsync() => _gateway = await RegistrationGateway.StartAsync(server, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _gateway.DisposeAsync();

    [Fact]
    public async Task GetStartedFromAnMmeLink_GreetedAndPlacedInTheUnitOfTheRef()
    {
        await _gateway.MessengerAsync(_gateway.Messenger.Webhook().GetStarted("9001", reference: "dong-xoai"));

        await _gateway.MessengerSaysAsync("9001", "Chào chị");
        await _gateway.MessengerSaysAsync("9001", "sinh hoạt ở Hội LHPN phường Đồng Xoài");

        Assert.Equal(Units.DongXoai, await _gateway.UnitOfAsync("9001"));
        Assert.Equal(0, await _gateway.ScalarAsync<int>("SELECT count(*) FROM dialog_states"));
    }

    [Fact]
    public async Task ReferralOnAnExistingThread_PlacesHer()
    {
        await _gateway.MessengerAsync(_gateway.Messenger.Webhook().Message("9002", "Chào Hội"));
        await _gateway.MessengerSaysAsync("9002", "");
        await _gateway.MessengerAsync(_gateway.Messenger.Webhook().Referral("9002", "xuan-dong"));

        await _gateway.MessengerSaysAsync("9002", "Hội LHPN xã Xuân Đông");

        Assert.Equal(Units.XuanDong, await _gateway.UnitOfAsync("9002"));
    }

    [Fact]
    public async Task UnknownOrDeactivatedRef_GreetingAndTheDialog_ThenQuickRepliesPlaceHer()
    {
        await _gateway.MessengerAsync(_gateway.Messenger.Webhook().GetStarted("9003", reference: "khong-co-ma-nay"));
        await _gateway.MessengerSaysAsync("9003", "Chào chị");
        var asked = await _gateway.MessengerSaysAsync("9003", "xã, phường nào");
        var unitAfterUnknownRef = await _gateway.UnitOfAsync("9003");
        await _gateway.MessengerAsync(_gateway.Messenger.Webhook().Referral("9003", "xa-dong"));
        await _gateway.Messenger.WaitForSendAsync(
            s => s.RecipientId == "9003" && s != asked && (s.Text ?? "").Contains("xã, phường nào", StringComparison.Ordinal),
            RegistrationGateway.Patience, TestContext.Current.CancellationToken);

        await _gateway.MessengerAsync(_gateway.Messenger.Webhook().Message("9003", "dong xoai"));
        var choices = await _gateway.MessengerSaysAsync("9003", "Chị chọn đúng nơi");
        var payload = Assert.Single(choices.QuickReplies, q => q.Title == "Phường Đồng Xoài").Payload;
        await _gateway.MessengerAsync(_gateway.Messenger.Webhook().QuickReply("9003", "Phường Đồng Xoài", payload));
        await _gateway.MessengerSaysAsync("9003", "em đã ghi nhận");

        Assert.Contains(asked.QuickReplies, q => q.Title == "Bỏ qua");
        Assert.Equal(Units.Province, unitAfterUnknownRef);
        Assert.Equal(Units.DongXoai, await _gateway.UnitOfAsync("9003"));
    }

    [Fact]
    public async Task AWardOfAnotherProvince_IsSaidToBeThere_NothingOffered_SheIsAskedAgain()
    {
        const string typed = "phuong ba dinh ha noi";
        await _gateway.ZaloAsync(_gateway.Bodies.Follow("z-hn"));
        var asked = await _gateway.ZaloSaysAsync("z-hn", "xã, phường nào");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-hn", typed));
        var answer = await _gateway.Zalo.WaitForMessageAsync(
            m => m.UserId == "z-hn" && m != asked && !(m.Text ?? "").StartsWith("Chào chị", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);

        Assert.StartsWith("Dạ, \"phuong ba dinh ha noi\" thuộc Thành phố Hà Nội, không có trong danh sách xã, phường của tỉnh mình.", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Hội LHPN thành phố Hà Nội", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chị chọn đúng nơi", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _gateway.UnitOfAsync("z-hn"), new long?[] { Units.DongXoai, Units.XuanDong, Units.XuanHoa });
    }

    [Fact]
    public async Task ZaloOldCommuneWithoutDiacritics_ConfirmedByNumber_PlacesHerInItsSuccessor()
    {
        await _gateway.ZaloAsync(_gateway.Bodies.Follow("z-1"));
        await _gateway.ZaloSaysAsync("z-1", "xã, phường nào");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-1", "tien thanh"));
        var choices = await _gateway.ZaloSaysAsync("z-1", "Chị chọn đúng nơi");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-1", NumberOf(choices.Text!, "Phường Đồng Xoài")));
        await _gateway.ZaloSaysAsync("z-1", "em đã ghi nhận");

        Assert.Equal(Units.DongXoai, await _gateway.UnitOfAsync("z-1"));
    }

    [Fact]
    public async Task ZaloSplitOldCommune_OffersEachSuccessor_ThenItsChiHoi()
    {
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-2", "đổi xã"));
        await _gateway.ZaloSaysAsync("z-2", "xã, phường nào");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-2", "xa xuan tam"));
        var split = await _gateway.ZaloSaysAsync("z-2", "nay thuộc nhiều xã, phường");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-2", NumberOf(split.Text!, "Xã Xuân Hòa")));
        var branches = await _gateway.ZaloSaysAsync("z-2", "chi hội nào");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-2", NumberOf(branches.Text!, "Chi hội ấp 1")));
        await _gateway.ZaloSaysAsync("z-2", "em đã ghi nhận chị sinh hoạt ở Chi hội ấp 1");

        Assert.Contains("Xã Xuân Đông", split.Text, StringComparison.Ordinal);
        Assert.Contains("Chưa rõ chi hội", branches.Text, StringComparison.Ordinal);
        Assert.Equal(Units.XuanHoaBranch, await _gateway.UnitOfAsync("z-2"));
    }

    [Fact]
    public async Task ZaloJoinCode_ExactPlacesHer_ATypoOffersTheClosestCode()
    {
        var code = Units.DongXoaiJoinCode;
        var typo = code[..5] + (char)('0' + ((code[5] - '0' + 1) % 10));
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-3", "mã " + typo));
        var offered = await _gateway.ZaloSaysAsync("z-3", "chưa đúng");
        var unitAfterTypo = await _gateway.UnitOfAsync("z-3");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-3", NumberOf(offered.Text!, "Phường Đồng Xoài")));
        await _gateway.ZaloSaysAsync("z-3", "em đã ghi nhận");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-4", code[..3] + " " + code[3..]));
        await _gateway.ZaloSaysAsync("z-4", "em đã ghi nhận");

        Assert.Null(unitAfterTypo);
        Assert.Equal(Units.DongXoai, await _gateway.UnitOfAsync("z-3"));
        Assert.Equal(Units.DongXoai, await _gateway.UnitOfAsync("z-4"));
    }

    [Fact]
    public async Task ZaloSubmittedForm_ItsWardPlacesHer()
    {
        await _gateway.ZaloAsync(_gateway.Bodies.Follow("z-5"));
        await _gateway.ZaloSaysAsync("z-5", "xã, phường nào");
        await _gateway.ZaloAsync(_gateway.Bodies.SubmitInfo("z-5", "Nguyễn Thị Hoa", "84912345678", "Tỉnh Đồng Nai", "Phường Đồng Xoài", "Tổ 3"));

        await _gateway.ZaloSaysAsync("z-5", "theo thông tin chị gửi");

        Assert.Equal(Units.DongXoai, await _gateway.UnitOfAsync("z-5"));
    }

    [Fact]
    public async Task DuringTheDialog_ACrisisGetsHotlinesFirst_AndAQuestionIsAnswered()
    {
        await _gateway.ZaloAsync(_gateway.Bodies.Follow("z-6"));
        await _gateway.ZaloSaysAsync("z-6", "xã, phường nào");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-6", "chồng em đang đánh em"));
        var crisis = await _gateway.Zalo.WaitForMessageAsync(
            m => m.UserId == "z-6" && !(m.Text ?? "").Contains("Chào chị", StringComparison.Ordinal)
                && !(m.Text ?? "").Contains("xã, phường nào", StringComparison.Ordinal),
            RegistrationGateway.Patience, TestContext.Current.CancellationToken);
        var dialogsAfterCrisis = await _gateway.ScalarAsync<int>("SELECT count(*) FROM dialog_states");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-6", "doi xa"));
        await _gateway.Zalo.WaitForMessageAsync(
            m => m.UserId == "z-6" && m != crisis && (m.Text ?? "").StartsWith("Chị sinh hoạt Hội", StringComparison.Ordinal),
            RegistrationGateway.Patience, TestContext.Current.CancellationToken);
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-6", "vay vốn ngân hàng chính sách cần giấy tờ gì"));
        await _gateway.ZaloSaysAsync("z-6", "Tổ TK&VV");

        Assert.Contains("113", crisis.Text, StringComparison.Ordinal);
        Assert.Equal(0, dialogsAfterCrisis);
        Assert.Equal(0, await _gateway.ScalarAsync<int>("SELECT count(*) FROM dialog_states"));
    }

    [Fact]
    public async Task SkipOnZalo_SheBelongsToTheAccountsUnit()
    {
        await _gateway.ZaloAsync(_gateway.Bodies.Follow("z-7"));
        await _gateway.ZaloSaysAsync("z-7", "xã, phường nào");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("z-7", "bo qua"));

        await _gateway.ZaloSaysAsync("z-7", "tin chung của Hội LHPN tỉnh Đồng Nai");

        Assert.Equal(Units.Province, await _gateway.UnitOfAsync("z-7"));
        Assert.Equal(0, await _gateway.ScalarAsync<int>("SELECT count(*) FROM dialog_states"));
    }

    /// <summary>The number of the numbered line (Zalo's rendering of choices) that names <paramref name="name"/>.</summary>
    internal static string NumberOf(string text, string name)
    {
        var line = text.Split('\n').First(l => NumberedLine().IsMatch(l) && l.Contains(name, StringComparison.Ordinal));
        return NumberedLine().Match(line).Groups[1].Value;
    }

    [GeneratedRegex(@"^(\d+)\. ")]
    private static partial Regex NumberedLine();
}
