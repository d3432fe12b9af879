using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;
using Outreach.Testing;

namespace Outreach.Content.Tests.ContentPacks;

public sealed class ContentPackStoreTests(PostgresServer server) : IAsyncLifetime
{
    private const string Screenings = """
        - { date: 2026-07-15, end_date: 2026-07-16, place: Trạm y tế xã Tân Hưng, commune: Tân Hưng, who: "Phụ nữ 35–60 tuổi" }
        """;

    private readonly TimeProvider _time = TimeProvider.System;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task SaveThenLoad_RoundTrip_SamePack()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new ContentPackCopy();
        folder.Write("provinces/tinh-a/screenings.yaml", Screenings);
        folder.Write("provinces/tinh-a/faq/own.yaml",
            "- { id: own, topic: t, title: T, questions: [q1, q2], keywords: [k], answer: A, valid_from: 2026-01-01, valid_until: 2026-12-31, action: screening }");
        var pack = await ContentPackReader.ReadAsync(folder.Path, ct);
        var store = new ContentPackStore(_database.DataSource, _time);

        var version = await store.SaveAsync(pack, folder.Path, ct);
        var loaded = await store.LoadAsync(version, ct);

        Assert.NotNull(loaded);
        Assert.Equal(pack.Hash, loaded.Hash);
        Assert.Equal(pack.Entries.Count, loaded.Entries.Count);
        var own = Assert.Single(loaded.Entries, e => e.Id == "own");
        Assert.Equal(pack.Entries.Single(e => e.Id == "own") with { Questions = own.Questions, Keywords = own.Keywords }, own);
        Assert.Equal(["q1", "q2"], own.Questions);
        Assert.Equal(pack.Screenings, loaded.Screenings);
        Assert.Equal(pack.Hotlines, loaded.Hotlines);
        Assert.Equal(pack.Texts.Lines, loaded.Texts.Lines);
        Assert.Equal(pack.Texts.Menu, loaded.Texts.Menu);
        Assert.Equal(
            pack.Crisis.Rules.Select(r => (r.Category, string.Join(',', r.All), string.Join(',', r.None ?? []))),
            loaded.Crisis.Rules.Select(r => (r.Category, string.Join(',', r.All), string.Join(',', r.None ?? []))));
        Assert.Equal(pack.Crisis.Replies, loaded.Crisis.Replies);
        Assert.Equal(
            pack.Entries.Where(e => e.AnswerEnglish is not null).Select(e => (e.Id, e.AnswerEnglish)).Order(),
            loaded.Entries.Where(e => e.AnswerEnglish is not null).Select(e => (e.Id, e.AnswerEnglish)).Order());
        Assert.Equal(pack.Crisis.Ambiguous, loaded.Crisis.Ambiguous);
        Assert.Equal(pack.Crisis.EnglishReplies, loaded.Crisis.EnglishReplies);
        Assert.Equal(pack.Crisis.OptionsFor, loaded.Crisis.OptionsFor);
        Assert.Equal(
            pack.Crisis.Frames!.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, string.Join(',', f.Value.Before), string.Join(',', f.Value.After))),
            loaded.Crisis.Frames!.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, string.Join(',', f.Value.Before), string.Join(',', f.Value.After))));
        // The learned second opinion's gates (crisis-gates.yaml) are stored with the rules: the stored version decides as the files do.
        Assert.NotEmpty(pack.Crisis.Gates!);
        Assert.True(CrisisPolicy.Of(loaded.Crisis).DecidesAs(CrisisPolicy.Of(pack.Crisis)));
        // The detector built from the stored version reads a folded cue in its frame, and not outside it, as the files do.
        var detector = new Outreach.Content.Alerts.CrisisDetector(loaded.Crisis);
        Assert.True(detector.Assess("ck da e").IsCrisis);
        Assert.False(detector.Assess("da em dang can vay von").IsCrisis);
    }

    [Fact]
    public async Task SaveAsync_SameHashTwice_OneVersion_NewHash_NewVersionAndOldestDropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new ContentPackStore(_database.DataSource, _time);
        var pack = await Packs.ShippedAsync();

        var v1 = await store.SaveAsync(pack, null, ct);
        var again = await store.SaveAsync(pack, null, ct);
        var v2 = await store.SaveAsync(pack with { Hash = "second" }, null, ct);
        var v3 = await store.SaveAsync(pack with { Hash = "third" }, null, ct);

        Assert.Equal(v1, again);
        Assert.True(v1 < v2 && v2 < v3);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        Assert.Equal([v2, v3], (await connection.QueryAsync<long>("SELECT version FROM content_packs ORDER BY version")).ToArray());
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM kb_entries WHERE pack_version = @v1", new { v1 }));
    }

    [Fact]
    public async Task RefreshAsync_FilesChange_NewSnapshotSwappedIn_BadFilesKeepCurrent()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new ContentPackCopy();
        var knowledge = new CurrentKnowledge();
        var loader = new ContentPackLoader(
            new ContentPackStore(_database.DataSource, _time), new Outreach.Content.Knowledge.KnowledgeItemStore(_database.DataSource, _time), knowledge,
            Options.Create(new KnowledgeOptions { PackDirectory = folder.Path }), NullLogger<ContentPackLoader>.Instance);

        var first = await loader.RefreshAsync(ct);
        var unchanged = await loader.RefreshAsync(ct);
        folder.Write("faq/new.yaml", "- { id: new-entry, topic: t, title: T, questions: [lịch họp chi hội tháng này], answer: Họp ngày 5 }");
        var second = await loader.RefreshAsync(ct);
        folder.Write("faq/broken.yaml", "- { id: broken");
        var afterBroken = await loader.RefreshAsync(ct);

        Assert.Equal(first, unchanged);
        Assert.True(second > first);
        Assert.Equal(second, afterBroken);
        var decision = AnswerEngine.Decide(knowledge.Current!, new AnswerRequest("lịch họp chi hội tháng này", null, Packs.Today));
        Assert.Equal("new-entry", decision.EntryId);
    }
}
