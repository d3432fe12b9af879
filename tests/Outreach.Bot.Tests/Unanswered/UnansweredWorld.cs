using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Unanswered;
using Outreach.Content.OrgUnits;
using Outreach.Content.Unanswered;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Unanswered;

/// <summary>
/// Lai Châu (a commune under it) with its admin, editor and viewer, Điện Biên with its admin, their members, and the real
/// gateway; questions recorded through the real turn-side store. <see cref="Drafts"/> stands in for the editable knowledge
/// base (another branch) when a test wires it; otherwise the shipped stand-in refuses.
/// </summary>
internal sealed class UnansweredWorld : IAsyncDisposable
{
    private UnansweredWorld(TestDatabase database, OutreachHost host, OrgUnit province, OrgUnit commune, OrgUnit other, RecordingDrafts? drafts)
    {
        Database = database;
        Host = host;
        Province = province;
        Commune = commune;
        Other = other;
        Drafts = drafts;
    }

    public TestDatabase Database { get; }

    public OutreachHost Host { get; }

    public OrgUnit Province { get; }

    public OrgUnit Commune { get; }

    public OrgUnit Other { get; }

    public RecordingDrafts? Drafts { get; }

    public static async Task<UnansweredWorld> StartAsync(PostgresServer server, bool withDrafts)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(database);
        var province = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Lai Châu", "lai-chau", ct);
        var commune = await seed.Units.CreateAsync(province.Id, "xa", "Xã An", "xa-an", ct);
        var other = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Điện Biên", "dien-bien", ct);
        await seed.StaffAsync("quantri.tinh", province.Id, "admin", ct);
        await seed.StaffAsync("bientap.tinh", province.Id, "editor", ct);
        await seed.StaffAsync("xem.tinh", province.Id, "viewer", ct);
        await seed.StaffAsync("bientap.xa", commune.Id, "editor", ct);
        await seed.StaffAsync("quantri.khac", other.Id, "admin", ct);
        var drafts = withDrafts ? new RecordingDrafts() : null;
        var host = await TestHost.StartAsync(database, TestHost.WithoutJobServer(), b =>
        {
            if (drafts is not null)
            {
                b.Services.AddSingleton<IKnowledgeDrafts>(drafts);
            }
        }, ct);
        return new UnansweredWorld(database, host, province, commune, other, drafts);
    }

    public Task<long> MemberAsync(string userId, long unitId, string? name = null) =>
        MemberWithNameAsync(userId, unitId, name);

    /// <summary>Records a question as a turn does (the real store, in a transaction).</summary>
    public async Task<long> AskAsync(long contactId, string? text, string outcome, string? missed, DateTimeOffset at)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await Database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await new MemberQuestionStore().RecordQuestionAsync(
            transaction, new QuestionDraft(contactId, null, at, text, outcome, null, missed is null ? 0.9 : 0.2, [], missed), ct);
        await transaction.CommitAsync(ct);
        return id;
    }

    public Task<StaffApiClient> ApiAsync(string username) =>
        StaffApiClient.SignInAsync(Host.BaseAddress, username, ct: TestContext.Current.CancellationToken);

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

    private async Task<long> MemberWithNameAsync(string userId, long unitId, string? name)
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await new Seed(Database).ContactAsync("messenger", userId, unitId, TimeSpan.FromHours(1), DateTimeOffset.UtcNow, [], ct: ct);
        if (name is not null)
        {
            await using var connection = await Database.DataSource.OpenConnectionAsync(ct);
            await connection.ExecuteAsync("UPDATE contacts SET display_name = @name WHERE id = @id", new { name, id });
        }

        return id;
    }
}

/// <summary>The knowledge side as the queue sees it: records what it was asked to do; "khong-co" is an entry that does not exist.</summary>
internal sealed class RecordingDrafts : IKnowledgeDrafts
{
    public List<(string Action, string? EntryKey, string Text, string Staff)> Calls { get; } = [];

    public bool IsAvailable => true;

    public Task<Outreach.Bot.Staff.StaffResult<string>> AttachVariantAsync(string entryKey, string text, StaffSession staff, CancellationToken cancellationToken)
    {
        if (entryKey == "khong-co")
        {
            return Task.FromResult<Outreach.Bot.Staff.StaffResult<string>>(
                Outreach.Bot.Staff.StaffRefusal.Invalid("entryKey", "Không có mục nội dung 'khong-co'."));
        }

        lock (Calls)
        {
            Calls.Add(("variant", entryKey, text, staff.User.Username));
        }

        return Task.FromResult<Outreach.Bot.Staff.StaffResult<string>>(entryKey);
    }

    public Task<Outreach.Bot.Staff.StaffResult<string>> CreateEntryAsync(string text, StaffSession staff, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add(("entry", null, text, staff.User.Username));
        }

        return Task.FromResult<Outreach.Bot.Staff.StaffResult<string>>("cau-hoi-moi-1");
    }
}
