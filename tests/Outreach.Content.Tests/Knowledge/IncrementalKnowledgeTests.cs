using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Outreach.Content.ContentPacks;
using Outreach.Content.Knowledge;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;
using Outreach.Testing;

namespace Outreach.Content.Tests.Knowledge;

/// <summary>
/// An approval taken in one change at a time (<see cref="ContentPackLoader.ApplyAsync"/>: only the approved version is read,
/// the index shares the other entries' terms) answers every eval question exactly as a snapshot rebuilt from nothing over the
/// same data: for an add, an edit, a new variant, a revert, a new national entry (every commune entry after it moves) and an
/// unpublish (at the end, and in the middle), of a commune's entries and of national ones, asked
/// by a member of that commune, of another commune and of no unit. Real PostgreSQL; the full rebuild is a second loader's.
/// </summary>
public sealed class IncrementalKnowledgeTests(PostgresServer server) : IAsyncLifetime
{
    private const string Swimming = "xã mình có lớp dạy bơi cho trẻ em vào mùa hè không";

    private TestDatabase _database = null!;
    private KnowledgeItemStore _items = null!;
    private long _province;
    private long _an;
    private long _binh;
    private long _author;
    private long _approver;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        var seed = new Seed(_database);
        _province = (await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Bình Phước", "binh-phuoc", Ct)).Id;
        _an = (await seed.Units.CreateAsync(_province, "xa", "Hội LHPN xã An", "xa-an", Ct)).Id;
        _binh = (await seed.Units.CreateAsync(_province, "xa", "Hội LHPN xã Bình", "xa-binh", Ct)).Id;
        _author = (await seed.StaffAsync("bientap.an", _an, "editor", Ct)).Id;
        _approver = (await seed.StaffAsync("duyet.tinh", _province, "approver", Ct)).Id;
        _items = new KnowledgeItemStore(_database.DataSource, TimeProvider.System);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task EachApproval_TakenInAlone_AnswersAsAFullRebuild_ForAddEditVariantRevertUnpublish()
    {
        var pack = await Packs.ShippedAsync();
        // Commune An has its own version of a dozen national entries (other wording, other answer), approved before the host starts.
        var own = new List<KnowledgeApproval>();
        foreach (var entry in pack.Entries.Where(e => e.Province is null).Take(12))
        {
            own.Add(await CreateAndApproveAsync(_an, Content(entry.Id, entry.Topic, entry.Title, [.. entry.Questions.Reverse()], entry.Answer + " (xã An)")));
        }

        var knowledge = new CurrentKnowledge();
        var loader = Loader(knowledge);
        await loader.RefreshAsync(Ct);
        var dues = pack.Entries.Single(e => e.Id == "membership-dues" && e.Province is null);

        // Add: a commune's entry on something the pack does not cover.
        var swimming = await CreateAndApproveAsync(_an, Content("lop-hoc-boi", "community", "Lớp học bơi", [Swimming], "Lớp bơi hè: nhà văn hóa xã An, 7 giờ sáng thứ Bảy."));
        var afterAdd = await ApplyAndCompareAsync(loader, knowledge, swimming);
        Assert.Equal("lop-hoc-boi", Ask(afterAdd, Swimming, _an).EntryId);
        Assert.NotEqual("lop-hoc-boi", Ask(afterAdd, Swimming, _binh).EntryId);

        // Edit: a national item over the pack's entry (every member gets it), with another answer and a question of its own.
        var national = await CreateAndApproveAsync(null, Content(dues.Id, dues.Topic, dues.Title, [.. dues.Questions, "tiền hội một năm là bao nhiêu"], "Hội phí toàn quốc: 12.000 đồng một năm."));
        var afterEdit = await ApplyAndCompareAsync(loader, knowledge, national);
        Assert.Equal("Hội phí toàn quốc: 12.000 đồng một năm.", Ask(afterEdit, "tiền hội một năm là bao nhiêu", _binh).Text);

        // A variant from the unanswered queue: one more question on the commune's own entry.
        var variant = await SaveAndApproveAsync(swimming.ItemId, Content("lop-hoc-boi", "community", "Lớp học bơi", [Swimming, "con em học bơi ở đâu"], "Lớp bơi hè: nhà văn hóa xã An, 7 giờ sáng thứ Bảy."));
        await ApplyAndCompareAsync(loader, knowledge, variant);

        // Revert: the national item's first version is missing the question; an edit, then its restore.
        var edited = await SaveAndApproveAsync(national.ItemId, Content(dues.Id, dues.Topic, dues.Title, dues.Questions, "Hội phí năm nay: 24.000 đồng."));
        await ApplyAndCompareAsync(loader, knowledge, edited);
        var first = (await _items.VersionsAsync(national.ItemId, Ct)).Single(v => v.Version == 1);
        var reverted = await SaveAndApproveAsync(national.ItemId, first.Content, restores: 1);
        var afterRevert = await ApplyAndCompareAsync(loader, knowledge, reverted);
        Assert.Equal("Hội phí toàn quốc: 12.000 đồng một năm.", Ask(afterRevert, "tiền hội một năm là bao nhiêu", _an).Text);

        // A new national entry: it goes before every commune's own entry, and those all move up one place.
        const string Cooking = "khi nào có hội thi nấu ăn của hội phụ nữ";
        var fresh = await CreateAndApproveAsync(null, Content("hoi-thi-nau-an", "community", "Hội thi nấu ăn", [Cooking], "Hội thi nấu ăn: tháng 10 hằng năm."));
        var afterFresh = await ApplyAndCompareAsync(loader, knowledge, fresh);
        Assert.Equal("hoi-thi-nau-an", Ask(afterFresh, Cooking, _binh).EntryId);

        // Unpublish: the commune's entry withdrawn; its question falls back to what everyone gets.
        var withdrawn = await SaveAndApproveAsync(swimming.ItemId, Content("lop-hoc-boi", "community", "Lớp học bơi", [Swimming], "Lớp bơi hè.") with { Active = false });
        var afterUnpublish = await ApplyAndCompareAsync(loader, knowledge, withdrawn);
        Assert.NotEqual("lop-hoc-boi", Ask(afterUnpublish, Swimming, _an).EntryId);

        // Unpublish in the middle: the commune's first entry goes, every later one moves up a place.
        var firstOwn = pack.Entries.Where(e => e.Province is null).First();
        var middle = await SaveAndApproveAsync(own[0].ItemId, Content(firstOwn.Id, firstOwn.Topic, firstOwn.Title, firstOwn.Questions, "-") with { Active = false });
        await ApplyAndCompareAsync(loader, knowledge, middle);
    }

    [Fact]
    public async Task AMissedApproval_OrABareNotification_RebuildsInFull()
    {
        var pack = await Packs.ShippedAsync();
        var knowledge = new CurrentKnowledge();
        var loader = Loader(knowledge);
        await loader.RefreshAsync(Ct);
        var dues = pack.Entries.Single(e => e.Id == "membership-dues" && e.Province is null);

        var missed = await CreateAndApproveAsync(_an, Content(dues.Id, dues.Topic, dues.Title, dues.Questions, "Hội phí xã An: 10.000 đồng."));
        var next = await CreateAndApproveAsync(_binh, Content(dues.Id, dues.Topic, dues.Title, dues.Questions, "Hội phí xã Bình: 15.000 đồng."));
        await loader.ApplyAsync([next], Ct); // the one before it never arrived: a gap

        var snapshot = knowledge.Current!;
        Assert.Equal(next.Revision, snapshot.Revision);
        Assert.Equal(0, snapshot.Index.ReusedEntries);
        Assert.Equal("Hội phí xã An: 10.000 đồng.", Ask(snapshot, "hội phí đóng bao nhiêu", _an).Text);
        Assert.Equal("Hội phí xã Bình: 15.000 đồng.", Ask(snapshot, "hội phí đóng bao nhiêu", _binh).Text);
        Assert.True(missed.Revision < next.Revision);
        Assert.False(KnowledgeApproval.TryParse("", out _));
        Assert.False(KnowledgeApproval.TryParse("7:x:1", out _));
        Assert.True(KnowledgeApproval.TryParse(next.ToPayload(), out var parsed));
        Assert.Equal(next, parsed);
    }

    // Applies one approval incrementally, then checks the snapshot against a full rebuild by a loader of its own.
    private async Task<KnowledgeSnapshot> ApplyAndCompareAsync(ContentPackLoader loader, CurrentKnowledge knowledge, KnowledgeApproval approval)
    {
        var before = knowledge.Current!;
        await loader.ApplyAsync([approval], Ct);
        var incremental = knowledge.Current!;
        var rebuilt = new CurrentKnowledge();
        await Loader(rebuilt).RefreshAsync(Ct);
        var full = rebuilt.Current!;

        Assert.NotSame(before, incremental);
        Assert.Equal(approval.Revision, incremental.Revision);
        Assert.Equal(full.Revision, incremental.Revision);
        Assert.Equal(0, full.Index.ReusedEntries);
        Assert.InRange(incremental.Index.ReusedEntries, incremental.Pack.Entries.Count - 1, incremental.Pack.Entries.Count);
        Assert.Same(before.Crisis, incremental.Crisis);
        Assert.NotNull(incremental.Index.PatchedEntries);
        Assert.Null(full.Index.PatchedEntries);
        Assert.Equal(full.Pack.Entries.Select(Describe), incremental.Pack.Entries.Select(Describe));
        foreach (var question in Questions.Value.Append(Swimming).Append("tiền hội một năm là bao nhiêu"))
        {
            foreach (var unit in new long?[] { _an, _binh, null })
            {
                Assert.Equal(Answer(full, question, unit), Answer(incremental, question, unit));
            }
        }

        return incremental;
    }

    private ContentPackLoader Loader(CurrentKnowledge knowledge) => new(
        new ContentPackStore(_database.DataSource, TimeProvider.System), _items, knowledge,
        Options.Create(new KnowledgeOptions { PackDirectory = Packs.ShippedDirectory }), NullLogger<ContentPackLoader>.Instance);

    private async Task<KnowledgeApproval> CreateAndApproveAsync(long? unit, KnowledgeContent content)
    {
        var (_, id) = await _items.CreateAsync(unit, KnowledgeKinds.Entry, content, _author, Ct);
        var (_, revision) = await _items.ApproveAsync(id, 1, 1, _approver, Ct);
        Assert.True(revision > 0);
        return new KnowledgeApproval(revision, id, 1);
    }

    private async Task<KnowledgeApproval> SaveAndApproveAsync(long itemId, KnowledgeContent content, int? restores = null)
    {
        var state = (await _items.FindAsync(itemId, Ct))!;
        Assert.Equal(KnowledgeWriteOutcome.Done, await _items.SaveDraftAsync(itemId, state.Item.Revision, content, _author, restores, Ct));
        var draft = (await _items.FindAsync(itemId, Ct))!;
        var (outcome, revision) = await _items.ApproveAsync(itemId, draft.Draft!.Version, draft.Item.Revision, _approver, Ct);
        Assert.Equal(KnowledgeWriteOutcome.Done, outcome);
        return new KnowledgeApproval(revision, itemId, draft.Draft.Version);
    }

    private AnswerDecision Ask(KnowledgeSnapshot snapshot, string question, long? unit) =>
        AnswerEngine.Decide(snapshot, new AnswerRequest(question, "binh-phuoc", Packs.Today) { UnitPath = unit is { } u ? [u, _province] : [] });

    // Everything a member would get, and why.
    private string Answer(KnowledgeSnapshot snapshot, string question, long? unit)
    {
        var d = Ask(snapshot, question, unit);
        return string.Join(" | ", d.Kind, d.EntryId, d.Confidence.ToString("R", System.Globalization.CultureInfo.InvariantCulture), d.FullText,
            string.Join(",", d.Choices.Select(c => c.Title + "=" + c.Payload)), d.Crisis.IsCrisis);
    }

    private static string Describe(KnowledgeEntry e) => $"{e.OrgUnitId}/{e.Province}/{e.Id}/{e.Answer}/{string.Join(";", e.Questions)}";

    private static KnowledgeContent Content(string id, string topic, string title, IReadOnlyList<string> questions, string answer) =>
        new() { EntryId = id, Topic = topic, Title = title, Questions = questions, Answer = answer };

    // The dev and held-out eval questions (tests/Outreach.Cli.Tests/TestData).
    private static readonly Lazy<IReadOnlyList<string>> Questions = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Outreach.sln")))
        {
            directory = directory.Parent;
        }

        var data = Path.Combine(directory!.FullName, "tests", "Outreach.Cli.Tests", "TestData");
        return Directory.EnumerateFiles(data, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("q").GetString()!)
            .ToList();
    });
}
