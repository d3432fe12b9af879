using Dapper;
using Outreach.Bot.Hosting;
using Outreach.Content.Broadcasts;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// A province with two communes, staff at each, a post of commune A waiting for approval and a sending of it, and the
/// real gateway serving the console: what the console tests sign into.
/// </summary>
internal sealed class ConsoleWorld : IAsyncDisposable
{
    public const string TitleA = "Bài của xã An Bình";

    private ConsoleWorld(TestDatabase database, OutreachHost host, OrgUnit province, OrgUnit communeA, OrgUnit communeB, Post postA,
        long broadcastA)
    {
        Database = database;
        Host = host;
        Province = province;
        CommuneA = communeA;
        CommuneB = communeB;
        PostA = postA;
        BroadcastA = broadcastA;
    }

    public TestDatabase Database { get; }

    public OutreachHost Host { get; }

    public OrgUnit Province { get; }

    public OrgUnit CommuneA { get; }

    public OrgUnit CommuneB { get; }

    public Post PostA { get; }

    public long BroadcastA { get; }

    public static async Task<ConsoleWorld> StartAsync(PostgresServer server, IDictionary<string, string?>? settings = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(database);
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh", ct);
        var communeA = await seed.UnitAsync(province.Id, "xa", "Hội LHPN xã An Bình", ct);
        var communeB = await seed.UnitAsync(province.Id, "xa", "Hội LHPN xã Bình Minh", ct);
        var editorA = await seed.StaffAsync("bientap.a", communeA.Id, "editor", ct);
        await seed.StaffAsync("duyet.a", communeA.Id, "approver", ct);
        await seed.StaffAsync("bientap.b", communeB.Id, "editor", ct);
        await seed.StaffAsync("quantri.b", communeB.Id, "admin", ct);
        await seed.StaffAsync("xem.a", communeA.Id, "viewer", ct);
        await seed.StaffAsync("duyet.tinh", province.Id, "approver", ct);
        await seed.StaffAsync("quantri.tinh", province.Id, "admin", ct);

        var posts = new PostStore(database.DataSource, TimeProvider.System);
        var post = await posts.CreateAsync(
            new Post
            {
                OrgUnitId = communeA.Id, Title = TitleA, Body = "Nội dung chỉ dành cho xã An Bình.", Topic = "health",
                Audience = Audience.Of(["messenger"], [communeA.Id]), CreatedBy = editorA.Id,
            },
            ct);
        await posts.TransitionAsync(post.Id, PostStatuses.Draft, PostStatuses.Submitted, editorA.Id, null, null, ct);
        var broadcast = await new BroadcastStore(database.DataSource).GetOrCreateAsync(post.Id, TimeProvider.System.GetUtcNow(), ct);
        // The console only enqueues jobs: no Hangfire server, so many hosts can run side by side on one PostgreSQL.
        var values = new Dictionary<string, string?> { ["Outreach:Scheduler:RunServer"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var host = await TestHost.StartAsync(database, values, cancellationToken: ct);
        return new ConsoleWorld(database, host, province, communeA, communeB, (await posts.FindAsync(post.Id, ct))!, broadcast.Id);
    }

    public Task<ConsoleClient> SignInAsync(string username) => ConsoleClient.SignInAsync(Host.BaseAddress, username);

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
