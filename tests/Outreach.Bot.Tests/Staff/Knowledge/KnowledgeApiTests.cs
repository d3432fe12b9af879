using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Content.KnowledgeBase;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Knowledge;

/// <summary>
/// /staff/api/knowledge on real PostgreSQL and the real gateway: a commune's own entry goes draft → approved by the province
/// (never by its writer, nor by the commune itself), is then what members of that commune get while another commune keeps
/// the national entry, on this host and (by NOTIFY) on a second one; two staff editing the same entry; the bad inputs.
/// </summary>
public sealed class KnowledgeApiTests(PostgresServer server) : IAsyncLifetime
{
    private const string Question = "hội phí đóng bao nhiêu";
    private const string LocalAnswer = "Hội phí xã An: 12.000 đồng một năm, đóng cho chi hội trưởng vào tháng Giêng.";

    private TestDatabase _database = null!;
    private OutreachHost _host = null!;
    private long _province;
    private long _an;
    private long _binh;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        var seed = new Seed(_database);
        _province = (await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Lai Châu", "lai-chau", Ct)).Id;
        _an = (await seed.Units.CreateAsync(_province, "xa", "Hội LHPN xã An", "xa-an", Ct)).Id;
        _binh = (await seed.Units.CreateAsync(_province, "xa", "Hội LHPN xã Bình", "xa-binh", Ct)).Id;
        await seed.StaffAsync("bientap.an", _an, "editor", Ct);
        await seed.StaffAsync("bientap2.an", _an, "editor", Ct);
        await seed.StaffAsync("duyet.an", _an, "approver", Ct);
        await seed.StaffAsync("duyet.tinh", _province, "approver", Ct);
        await seed.StaffAsync("quantri.tinh", _province, "admin", Ct);
        _host = await TestHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Outreach:Scheduler:RunServer"] = "false",
            ["Outreach:Knowledge:ReloadIntervalSeconds"] = "3600",
        }, cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task CommuneEntry_ApprovedByProvinceNotByWriterOrOwnUnit_AnswersThatCommuneOnly_OnBothHosts()
    {
        await using var second = await TestHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Outreach:Scheduler:RunServer"] = "false", ["Outreach:Knowledge:ReloadIntervalSeconds"] = "3600",
            ["Outreach:Inbox:RunWorkers"] = "false",
        }, cancellationToken: Ct);
        using var editor = await SignInAsync("bientap.an");
        var (status, created) = await editor.PostAsync("/staff/api/knowledge", Create(LocalAnswer), Ct);
        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("itemId").GetInt64();

        using var communeApprover = await SignInAsync("duyet.an");
        var ownUnit = await communeApprover.PostAsync($"/staff/api/knowledge/{id}/approve", new { version = 1, revision = 1 }, Ct);
        var byWriter = await editor.PostAsync($"/staff/api/knowledge/{id}/approve", new { version = 1, revision = 1 }, Ct);
        var beforeApproval = Ask(_host, _an);
        using var province = await SignInAsync("duyet.tinh");
        var approved = await province.PostAsync($"/staff/api/knowledge/{id}/approve", new { version = 1, revision = 1 }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, ownUnit.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byWriter.Status);
        Assert.Equal("membership-dues", beforeApproval.EntryId);
        Assert.NotEqual(LocalAnswer, beforeApproval.Text);
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal(LocalAnswer, Ask(_host, _an).Text);
        Assert.NotEqual(LocalAnswer, Ask(_host, _binh).Text);
        Assert.Equal("membership-dues", Ask(_host, _binh).EntryId);
        await EventuallyAsync(() => Ask(second, _an).Text == LocalAnswer);
        Assert.NotEqual(LocalAnswer, Ask(second, _binh).Text);
    }

    [Fact]
    public async Task TwoStaffEditTheSameEntry_TheLaterSaveIsRefusedWithTheDifference()
    {
        using var first = await SignInAsync("bientap.an");
        using var second = await SignInAsync("bientap2.an");
        var (_, created) = await first.PostAsync("/staff/api/knowledge", Create(LocalAnswer), Ct);
        var id = created.GetProperty("itemId").GetInt64();

        var saved = await first.PutAsync($"/staff/api/knowledge/{id}", new { revision = 1, content = Content("Bản sửa của chị Lan.") }, Ct);
        var later = await second.PutAsync($"/staff/api/knowledge/{id}", new { revision = 1, content = Content("Bản sửa của chị Mai.") }, Ct);
        var (_, item) = await first.GetAsync($"/staff/api/knowledge/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(HttpStatusCode.Conflict, later.Status);
        var answer = later.Body.GetProperty("changes").GetProperty("Câu trả lời");
        Assert.Equal(["Bản sửa của chị Lan.", "Bản sửa của chị Mai."], answer.EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Bản sửa của chị Lan.", item.GetProperty("item").GetProperty("draft").GetProperty("answer").GetString());
    }

    [Fact]
    public async Task BadInput_TooLongRefused_VariantOfAnotherEntryWarned_MarkupKeptAsText()
    {
        using var editor = await SignInAsync("bientap.an");

        var tooLong = await editor.PostAsync("/staff/api/knowledge", Create(new string('a', 2001)), Ct);
        var (status, warned) = await editor.PostAsync("/staff/api/knowledge", new
        {
            kind = "entry", orgUnitId = _an,
            content = Content("<script>alert('x')</script> Họp chi hội <b>thứ Hai</b>") with { EntryId = "hop-chi-hoi", Questions = ["hội phí đóng bao nhiêu", "lịch họp chi hội"] },
        }, Ct);
        var (_, item) = await editor.GetAsync($"/staff/api/knowledge/{warned.GetProperty("itemId").GetInt64()}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("quá giới hạn 2.000 ký tự", tooLong.Body.GetProperty("errors").GetProperty("answer")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM kb_items WHERE item_key = 'membership-dues'"));
        Assert.Equal(HttpStatusCode.Created, status);
        var warning = Assert.Single(warned.GetProperty("warnings").EnumerateArray());
        Assert.Equal("membership-dues", warning.GetProperty("otherEntryId").GetString());
        Assert.Equal("membership-dues", warning.GetProperty("now").GetProperty("entryId").GetString());
        Assert.Equal("<script>alert('x')</script> Họp chi hội <b>thứ Hai</b>", item.GetProperty("item").GetProperty("draft").GetProperty("answer").GetString());
    }

    [Fact]
    public async Task CrisisCuesAndNationalItems_OnlyTheTopUnitsAdmins()
    {
        using var editor = await SignInAsync("bientap.an");
        using var admin = await SignInAsync("quantri.tinh");
        var crisis = new { kind = "crisis", national = true, content = new { group = "danger_now", cues = new[] { "đang bị đánh" } } };
        var hotline = new { kind = "hotline", national = true, content = new { number = "1900 969 680", name = "Tổng đài thử" } };

        var byEditor = await editor.PostAsync("/staff/api/knowledge", crisis, Ct);
        var hotlineByEditor = await editor.PostAsync("/staff/api/knowledge", hotline, Ct);
        var byAdmin = await admin.PostAsync("/staff/api/knowledge", hotline, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.Status);
        Assert.Equal(HttpStatusCode.Forbidden, hotlineByEditor.Status);
        Assert.Equal(HttpStatusCode.Created, byAdmin.Status);
    }

    [Fact]
    public async Task RestoreAnOldVersion_IsANewDraft_ApprovedItAnswersAgain()
    {
        using var editor = await SignInAsync("bientap.an");
        using var province = await SignInAsync("duyet.tinh");
        var (_, created) = await editor.PostAsync("/staff/api/knowledge", Create(LocalAnswer), Ct);
        var id = created.GetProperty("itemId").GetInt64();
        await province.PostAsync($"/staff/api/knowledge/{id}/approve", new { version = 1, revision = 1 }, Ct);
        await editor.PutAsync($"/staff/api/knowledge/{id}", new { revision = 2, content = Content("Hội phí năm nay: 24.000 đồng.") }, Ct);
        await province.PostAsync($"/staff/api/knowledge/{id}/approve", new { version = 2, revision = 3 }, Ct);
        var changed = Ask(_host, _an).Text;

        var restored = await editor.PostAsync($"/staff/api/knowledge/{id}/restore", new { version = 1, revision = 4 }, Ct);
        await province.PostAsync($"/staff/api/knowledge/{id}/approve", new { version = 3, revision = 5 }, Ct);
        var (_, item) = await province.GetAsync($"/staff/api/knowledge/{id}", Ct);

        Assert.Equal("Hội phí năm nay: 24.000 đồng.", changed);
        Assert.Equal(HttpStatusCode.OK, restored.Status);
        Assert.Equal(LocalAnswer, Ask(_host, _an).Text);
        var versions = item.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["approved", "replaced", "replaced"], versions.Select(v => v.GetProperty("status").GetString()));
        Assert.Equal(1, versions[0].GetProperty("restores").GetInt32());
    }

    [Fact]
    public async Task QueueActions_AddVariantToANationalEntryAndDraftFromAQuestion()
    {
        using var editor = await SignInAsync("bientap.an");

        var (variantStatus, variant) = await editor.PostAsync("/staff/api/knowledge/variants",
            new { entryId = "membership-dues", text = "tiền hội mỗi tháng là mấy đồng", orgUnitId = _an }, Ct);
        var (draftStatus, draft) = await editor.PostAsync("/staff/api/knowledge/from-question", new { text = "Xã mình có lớp học bơi cho trẻ không?" }, Ct);
        var (_, item) = await editor.GetAsync($"/staff/api/knowledge/{variant.GetProperty("itemId").GetInt64()}", Ct);
        using var province = await SignInAsync("duyet.tinh");
        var (_, fresh) = await province.GetAsync($"/staff/api/knowledge/{draft.GetProperty("itemId").GetInt64()}", Ct);
        var withoutAnswer = await province.PostAsync(
            $"/staff/api/knowledge/{draft.GetProperty("itemId").GetInt64()}/approve", new { version = 1, revision = 1 }, Ct);

        Assert.Equal(HttpStatusCode.OK, variantStatus);
        Assert.Contains("tiền hội mỗi tháng là mấy đồng", item.GetProperty("item").GetProperty("draft").GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(HttpStatusCode.OK, draftStatus);
        Assert.Equal("Xã mình có lớp học bơi cho trẻ không?", fresh.GetProperty("item").GetProperty("draft").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, withoutAnswer.Status);
    }

    // What a member of this commune gets (her unit, then the province: as the contact middleware gives it).
    private AnswerDecision Ask(OutreachHost host, long unitId)
    {
        var snapshot = host.Services.GetRequiredService<CurrentKnowledge>().Current!;
        return AnswerEngine.Decide(snapshot, new AnswerRequest(Question, "lai-chau", VietnamClock.Today(TimeProvider.System)) { UnitPath = [unitId, _province] });
    }

    private object Create(string answer) => new { kind = "entry", orgUnitId = _an, content = Content(answer) };

    private static ContentBody Content(string answer) => new(
        "membership-dues", "membership", "Hội phí", ["hội phí đóng bao nhiêu", "một năm đóng hội phí mấy lần"], answer);

    private Task<StaffApiClient> SignInAsync(string username) => StaffApiClient.SignInAsync(_host.BaseAddress, username, ct: Ct);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private sealed record ContentBody(string EntryId, string Topic, string Title, IReadOnlyList<string> Questions, string Answer);
}
