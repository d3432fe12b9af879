using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Content.KnowledgeBase;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Inbox;

/// <summary>The lane is decided at ingest, from the message text, by the pack's crisis detector.</summary>
public sealed class CrisisLaneTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task CrisisMessage_StoredInTheUrgentLane_OrdinaryQuestionAndTapInTheNormalOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, new Dictionary<string, string?> { ["Outreach:Inbox:RunWorkers"] = "false" }, cancellationToken: ct);
        await host.Services.GetRequiredService<CurrentKnowledge>().GetAsync(ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChatClient(http);

        await chat.PostAsync("member-a", "hỏi vay vốn khởi nghiệp", clientMessageId: "question", cancellationToken: ct);
        await chat.PostAsync("member-b", "ck e dang danh e, cuu e", clientMessageId: "crisis", cancellationToken: ct);
        await chat.PostAsync("member-c", "Đăng ký", payload: "SUBSCRIBE", clientMessageId: "tap", cancellationToken: ct);

        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        var lanes = (await connection.QueryAsync<(string Id, short Priority)>("SELECT platform_event_id, priority FROM inbox_events ORDER BY id")).ToList();
        Assert.Equal([("question", (short)0), ("crisis", (short)1), ("tap", (short)0)], lanes);
    }
}
