using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Content.KnowledgeBase;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Knowledge;

/// <summary>
/// Approvals made on one gateway are used by a second one through PostgreSQL's NOTIFY alone (the periodic check is an hour
/// away): an added entry, an edit, a revert, a variant attached from the unanswered queue, an unpublish. Each reaches the
/// second host as a change of one item (its snapshot shares every other entry with the one before, and is at the approval's
/// revision), and members of another commune keep what they had.
/// </summary>
public sealed class KnowledgeOnSecondHostTests(PostgresServer server) : IAsyncLifetime
{
    private const string Swimming = "xã mình có lớp dạy bơi cho trẻ em vào mùa hè không";
    private const string Variant = "con em muốn đi học bơi thì đăng ký ở đâu";
    private const string FirstAnswer = "Lớp bơi hè: nhà văn hóa xã An, 7 giờ sáng thứ Bảy.";
    private const string EditedAnswer = "Lớp bơi hè dời sang hồ bơi trường tiểu học xã An, 16 giờ thứ Năm.";

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
        await seed.StaffAsync("duyet.tinh", _province, "approver", Ct);
        _host = await TestHost.StartAsync(_database, Settings(), cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AddEditRevertVariantUnpublish_OnHostA_UsedOnHostB_ByTheNotifiedChangeAlone()
    {
        await using var second = await TestHost.StartAsync(_database, Settings(), cancellationToken: Ct);
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.an", ct: Ct);
        using var approver = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: Ct);
        var before = Ask(second, Swimming, _an);

        // Add.
        var (status, created) = await editor.PostAsync("/staff/api/knowledge", new { kind = "entry", orgUnitId = _an, content = Content(FirstAnswer, [Swimming]) }, Ct);
        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("itemId").GetInt64();
        await ApproveAsync(approver, id);
        await UsedOnSecondAsync(second, Swimming, FirstAnswer);
        Assert.NotEqual("lop-hoc-boi", before.EntryId);
        Assert.NotEqual("lop-hoc-boi", Ask(second, Swimming, _binh).EntryId);

        // Edit.
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsync($"/staff/api/knowledge/{id}", new { revision = await RevisionAsync(editor, id), content = Content(EditedAnswer, [Swimming]) }, Ct)).Status);
        await ApproveAsync(approver, id);
        await UsedOnSecondAsync(second, Swimming, EditedAnswer);

        // Revert to the first version.
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/staff/api/knowledge/{id}/restore", new { version = 1, revision = await RevisionAsync(editor, id) }, Ct)).Status);
        await ApproveAsync(approver, id);
        await UsedOnSecondAsync(second, Swimming, FirstAnswer);

        // A variant attached from the unanswered queue.
        var (variantStatus, _) = await editor.PostAsync("/staff/api/knowledge/variants", new { entryId = "lop-hoc-boi", text = Variant, orgUnitId = _an }, Ct);
        Assert.Equal(HttpStatusCode.OK, variantStatus);
        await ApproveAsync(approver, id);
        await UsedOnSecondAsync(second, Variant, FirstAnswer);

        // Unpublish.
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsync($"/staff/api/knowledge/{id}", new
        {
            revision = await RevisionAsync(editor, id), content = Content(FirstAnswer, [Swimming, Variant]) with { Active = false },
        }, Ct)).Status);
        await ApproveAsync(approver, id);
        await EventuallyAsync(() => Ask(second, Swimming, _an).EntryId != "lop-hoc-boi");
        AssertTakenInAlone(second);
        Assert.Equal(before.EntryId, Ask(second, Swimming, _an).EntryId);
    }

    private async Task UsedOnSecondAsync(OutreachHost second, string question, string answer)
    {
        await EventuallyAsync(() => Ask(second, question, _an).Text == answer);
        AssertTakenInAlone(second);
        Assert.NotEqual(answer, Ask(second, question, _binh).Text);
    }

    // The second host's snapshot is at the latest approval and was built from the one before it, sharing all but one entry.
    private void AssertTakenInAlone(OutreachHost second)
    {
        var a = _host.Services.GetRequiredService<CurrentKnowledge>().Current!;
        var b = second.Services.GetRequiredService<CurrentKnowledge>().Current!;
        Assert.Equal(a.Revision, b.Revision);
        Assert.InRange(b.Index.ReusedEntries, b.Pack.Entries.Count - 1, b.Pack.Entries.Count);
    }

    private static async Task ApproveAsync(StaffApiClient approver, long id)
    {
        var (_, item) = await approver.GetAsync($"/staff/api/knowledge/{id}", Ct);
        var state = item.GetProperty("item");
        var approved = await approver.PostAsync($"/staff/api/knowledge/{id}/approve", new
        {
            version = state.GetProperty("draftVersion").GetInt32(), revision = state.GetProperty("revision").GetInt32(),
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.Status);
    }

    private static async Task<int> RevisionAsync(StaffApiClient client, long id)
    {
        var (_, item) = await client.GetAsync($"/staff/api/knowledge/{id}", Ct);
        return item.GetProperty("item").GetProperty("revision").GetInt32();
    }

    private AnswerDecision Ask(OutreachHost host, string question, long unitId)
    {
        var snapshot = host.Services.GetRequiredService<CurrentKnowledge>().Current!;
        return AnswerEngine.Decide(snapshot, new AnswerRequest(question, "lai-chau", VietnamClock.Today(TimeProvider.System)) { UnitPath = [unitId, _province] });
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Outreach:Scheduler:RunServer"] = "false",
        ["Outreach:Knowledge:ReloadIntervalSeconds"] = "3600",
        ["Outreach:Inbox:RunWorkers"] = "false",
    };

    private static ContentBody Content(string answer, IReadOnlyList<string> questions) => new("lop-hoc-boi", "community", "Lớp học bơi", questions, answer, true);

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private sealed record ContentBody(string EntryId, string Topic, string Title, IReadOnlyList<string> Questions, string Answer, bool Active);
}
