using Dapper;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Testing;

namespace Outreach.Content.Tests.Broadcasts;

public sealed class AudiencePlannerTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, long> _contacts = [];
    private TestDatabase _database = null!;
    private Post _post = null!;
    private long _otherCommuneId;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var commune = await seed.UnitAsync(province.Id, "xa", "Xã A", ct);
        var chiHoi = await seed.UnitAsync(commune.Id, "chi_hoi", "Chi hội A1", ct);
        _otherCommuneId = (await seed.UnitAsync(province.Id, "xa", "Xã B", ct)).Id;
        var editor = await seed.StaffAsync("editor", commune.Id, "editor", ct);

        async Task Add(string name, string channel, long unit, double? hoursAgo, string[] topics, string status = "active") =>
            _contacts[name] = await seed.ContactAsync(channel, name, unit, hoursAgo is { } h ? TimeSpan.FromHours(h) : null, Now, topics, status, ct);
        await Add("m_in", "messenger", chiHoi.Id, 2, ["health"]);
        await Add("m_out", "messenger", commune.Id, 30, ["health"]);
        await Add("z_in", "zalo", commune.Id, 40, ["health"]);
        await Add("z_paid", "zalo", commune.Id, 72, ["health"]);
        await Add("z_out", "zalo", commune.Id, 8 * 24, ["health"]);
        await Add("z_unfollowed", "zalo", commune.Id, 24, ["health"], "unfollowed");
        await Add("m_never", "messenger", commune.Id, null, ["health"]);
        await Add("m_blocked", "messenger", commune.Id, 1, ["health"], "blocked");
        await Add("m_other_topic", "messenger", commune.Id, 1, ["loan"]);
        await Add("m_other_commune", "messenger", _otherCommuneId, 1, ["health"]);
        await Add("z_quota", "zalo", commune.Id, 24, ["health"]);

        var posts = new PostStore(_database.DataSource, new FakeTimeProvider(Now));
        _post = await posts.CreateAsync(
            new Post { OrgUnitId = commune.Id, Title = "Khám sàng lọc", Body = "Miễn phí", Topic = "health", Audience = Audience.Of(["messenger", "zalo"],
                       [commune.Id]), CreatedBy = editor.Id },
            ct);
        await GiveEarlierBroadcastAsync(_contacts["z_quota"], editor.Id, commune.Id, ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task PlanAsync_MixedAudience_QueuesEligibleAndRecordsEachSkipReason()
    {
        var ct = TestContext.Current.CancellationToken;

        var (queued, skipped) = await PlanAsync(ct);

        Assert.Equal(2, queued);
        var rows = (await QueryAsync<(long ContactId, string Status, string? Reason)>(
            "SELECT contact_id, status, skip_reason FROM deliveries WHERE broadcast_id = (SELECT max(id) FROM broadcasts)", ct))
            .ToDictionary(r => r.ContactId);
        Assert.Equal(("queued", (string?)null), (rows[_contacts["m_in"]].Status, rows[_contacts["m_in"]].Reason));
        Assert.Equal("queued", rows[_contacts["z_in"]].Status);
        Assert.Equal("outside_24h_window", rows[_contacts["m_out"]].Reason);
        // Zalo bills consultation messages 48 hours – 7 days after her last interaction: broadcasts stay in the free 48 hours.
        Assert.Equal("outside_48h_window", rows[_contacts["z_paid"]].Reason);
        Assert.Equal("outside_48h_window", rows[_contacts["z_out"]].Reason);
        Assert.Equal(SkipReasons.NotFollower, rows[_contacts["z_unfollowed"]].Reason);
        Assert.Equal(SkipReasons.NeverInteracted, rows[_contacts["m_never"]].Reason);
        Assert.Equal(SkipReasons.Unreachable, rows[_contacts["m_blocked"]].Reason);
        Assert.Equal("zalo_quota", rows[_contacts["z_quota"]].Reason);
        Assert.False(rows.ContainsKey(_contacts["m_other_topic"]));
        Assert.False(rows.ContainsKey(_contacts["m_other_commune"]));
        Assert.Equal(rows.Count - 2, skipped);
    }

    [Fact]
    public async Task PlanAsync_HotlinePost_ReachesMembersWithoutSubscribing_ButNotOneWhoStoppedEverything()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await new Outreach.Content.Subscriptions.SubscriptionStore().OptOutAllAsync(transaction, _contacts["m_other_topic"], Now.AddHours(-1), ct);
            await transaction.CommitAsync(ct);
        }

        var hotline = _post with { Topic = "hotline", Audience = _post.Audience with { Channels = ["messenger"] } };
        var broadcast = await new BroadcastStore(_database.DataSource).GetOrCreateAsync(hotline.Id, Now, ct);
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await new AudiencePlanner(TestChannels.Eligibility()).PlanAsync(transaction, broadcast.Id, hotline, Now, 500, ct);
            await transaction.CommitAsync(ct);
        }

        var planned = (await QueryAsync<long>($"SELECT contact_id FROM deliveries WHERE broadcast_id = {broadcast.Id}", ct)).ToHashSet();
        Assert.Contains(_contacts["m_in"], planned);
        Assert.DoesNotContain(_contacts["m_other_topic"], planned);
    }

    [Fact]
    public async Task PlanAsync_RunTwice_SecondRunAddsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await PlanAsync(ct);

        var again = await PlanAsync(ct);

        Assert.Equal((0, 0), again);
    }

    [Fact]
    public async Task PlanAsync_ChunksCoverEveryQueuedRowOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        await seed.ManyContactsAsync("webchat", 1234, _post.Audience.Units[0], "health", Now.AddHours(-1), "w", ct);
        var post = _post with { Audience = _post.Audience with { Channels = ["webchat"] } };

        var broadcast = await new BroadcastStore(_database.DataSource).GetOrCreateAsync(post.Id, Now.AddMinutes(1), ct);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (queued, _) = await new AudiencePlanner(TestChannels.Eligibility()).PlanAsync(transaction, broadcast.Id, post, Now, 100, ct);
        await transaction.CommitAsync(ct);

        Assert.Equal(1234, queued);
        var chunks = await QueryAsync<(int Chunk, int Rows)>(
            $"SELECT chunk_no, count(*)::int FROM deliveries WHERE broadcast_id = {broadcast.Id} GROUP BY 1 ORDER BY 1", ct);
        Assert.Equal(13, chunks.Count);
        Assert.All(chunks.SkipLast(1), c => Assert.Equal(100, c.Rows));
        Assert.Equal(13, (await QueryAsync<int>($"SELECT count(*)::int FROM broadcast_chunks WHERE broadcast_id = {broadcast.Id}", ct)).Single());
    }

    [Fact]
    public async Task PlanAsync_OneBigPageAndTwoSmallOnes_EveryChunkTakesEachPagesShareInTurn()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        await seed.ManyContactsAsync("webchat", 240, _post.Audience.Units[0], "health", Now.AddHours(-1), "big-", ct);
        await seed.ManyContactsAsync("webchat", 30, _post.Audience.Units[0], "health", Now.AddHours(-1), "b-", ct);
        await seed.ManyContactsAsync("webchat", 30, _post.Audience.Units[0], "health", Now.AddHours(-1), "c-", ct);
        await QueryAsync<int>("UPDATE contacts SET account_id = left(platform_user_id, strpos(platform_user_id, '-') - 1) WHERE platform_user_id ~ '^(big|b|c)-' RETURNING 1", ct);
        var post = _post with { Audience = _post.Audience with { Channels = ["webchat"] } };
        var broadcast = await new BroadcastStore(_database.DataSource).GetOrCreateAsync(post.Id, Now.AddMinutes(1), ct);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (queued, _) = await new AudiencePlanner(TestChannels.Eligibility()).PlanAsync(transaction, broadcast.Id, post, Now, 30, ct);
        await transaction.CommitAsync(ct);

        var perChunk = await QueryAsync<(int Chunk, string Account, int Rows)>(
            $"""
            SELECT d.chunk_no, c.account_id, count(*)::int FROM deliveries d JOIN contacts c ON c.id = d.contact_id
            WHERE d.broadcast_id = {broadcast.Id} GROUP BY 1, 2 ORDER BY 1, 2
            """, ct);
        Assert.Equal(300, queued);
        // The first three chunks (90 rows) take the three Pages in turn: 10 of each; the big Page's rest follows alone.
        Assert.All(Enumerable.Range(0, 3), chunk => Assert.Equal(
            [("b", 10), ("big", 10), ("c", 10)], perChunk.Where(r => r.Chunk == chunk).Select(r => (r.Account, r.Rows))));
        Assert.All(perChunk.Where(r => r.Chunk >= 3), r => Assert.Equal("big", r.Account));
    }

    [Fact]
    public async Task PlanAsync_ABigPageAndAnOa_TheOaTakesItsTurnFromTheFirstChunk()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        await seed.ManyContactsAsync("messenger", 240, _post.Audience.Units[0], "health", Now.AddHours(-1), "page-", ct);
        await seed.ManyContactsAsync("zalo", 30, _post.Audience.Units[0], "health", Now.AddHours(-1), "oa-", ct);
        await QueryAsync<int>("UPDATE contacts SET account_id = left(platform_user_id, strpos(platform_user_id, '-') - 1) WHERE platform_user_id ~ '^(page|oa)-' RETURNING 1", ct);
        var post = _post with { Audience = _post.Audience with { Channels = ["messenger", "zalo"] } };
        var broadcast = await new BroadcastStore(_database.DataSource).GetOrCreateAsync(post.Id, Now.AddMinutes(1), ct);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (queued, _) = await new AudiencePlanner(TestChannels.Eligibility()).PlanAsync(transaction, broadcast.Id, post, Now, 30, ct);
        await transaction.CommitAsync(ct);

        var perChunk = await QueryAsync<(int Chunk, string Account, int Rows)>(
            $"""
            SELECT d.chunk_no, c.account_id, count(*)::int FROM deliveries d JOIN contacts c ON c.id = d.contact_id
            WHERE d.broadcast_id = {broadcast.Id} AND c.account_id IN ('page', 'oa') GROUP BY 1, 2 ORDER BY 1, 2
            """, ct);
        Assert.True(queued >= 270);
        // Accounts take turns across channels: the OA's 30 members go in the first chunks beside the Page's (about half of
        // each), not after the Page's 240 (chunk 8 on).
        Assert.Equal(30, perChunk.Where(r => r.Account == "oa").Sum(r => r.Rows));
        Assert.All(perChunk.Where(r => r.Account == "oa"), r => Assert.InRange(r.Chunk, 0, 2));
        Assert.InRange(perChunk.Single(r => r.Chunk == 0 && r.Account == "oa").Rows, 13, 15);
        Assert.InRange(perChunk.Single(r => r.Chunk == 0 && r.Account == "page").Rows, 13, 15);
    }

    [Fact]
    public async Task PreviewAsync_CountsReachableAndReasonsPerUnit()
    {
        var ct = TestContext.Current.CancellationToken;

        var rows = await new AudiencePreview(_database.DataSource, TestChannels.Eligibility()).PreviewAsync(_post, Now, ct);

        Assert.Equal(2, rows.Where(r => r.Reason is null).Sum(r => r.Count));
        Assert.Contains(rows, r => r is { OrgUnitName: "Chi hội A1", Reason: null, Count: 1 });
        Assert.Contains(rows, r => r is { Reason: SkipReasons.NotSubscribed, Count: 1 });
        Assert.DoesNotContain(rows, r => r.OrgUnitId == _otherCommuneId);
    }

    private async Task<(int, int)> PlanAsync(CancellationToken ct)
    {
        var broadcast = await new BroadcastStore(_database.DataSource).GetOrCreateAsync(_post.Id, Now, ct);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await new AudiencePlanner(TestChannels.Eligibility()).PlanAsync(transaction, broadcast.Id, _post, Now, 500, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    // The Zalo quota counts what a member was actually sent: one broadcast delivered two hours ago uses up today's one.
    private async Task GiveEarlierBroadcastAsync(long contactId, long editorId, long unitId, CancellationToken ct)
    {
        var earlier = await new PostStore(_database.DataSource, new FakeTimeProvider(Now)).CreateAsync(
            new Post { OrgUnitId = unitId, Title = "Trước", Body = "x", Topic = "health", Audience = Audience.Of(["zalo"], [unitId]), CreatedBy = editorId },
            ct);
        var broadcast = await new BroadcastStore(_database.DataSource).GetOrCreateAsync(earlier.Id, Now.AddHours(-2), ct);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO deliveries (broadcast_id, contact_id, channel, status, sent_at, updated_at) VALUES (@b, @c, 'zalo', 'sent', @at, @at)",
            new { b = broadcast.Id, c = contactId, at = Now.AddHours(-2) });
    }

    private async Task<List<T>> QueryAsync<T>(string sql, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }
}
