using Dapper;
using Outreach.Content.Broadcasts;
using Outreach.Testing;

namespace Outreach.Content.Tests.Broadcasts;

/// <summary>
/// Issue 17 turned the opt-in rule from two subqueries per member into an expression over the member's one subscription row
/// (AudienceSql.SubscriptionJoin): for every state of that row and both kinds of topic it must say what the subqueries said,
/// and never NULL (the claim and the preview use NOT IsOptedIn).
/// </summary>
public sealed class OptInSqlTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData("health")]
    [InlineData("hotline")]
    public async Task IsOptedIn_ForEverySubscriptionState_SaysWhatTheSubqueriesSaid(string topic)
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        var unit = await seed.UnitAsync(null, "xa", "Xã A", ct);
        var now = DateTimeOffset.UtcNow;
        // no row, opted in, opted out after opting in, opted in again after opting out, a row never opted in, opted out without ever opting in
        (DateTimeOffset? In, DateTimeOffset? Out)?[] states =
        [
            null, (now.AddDays(-3), null), (now.AddDays(-3), now.AddDays(-1)), (now.AddDays(-1), now.AddDays(-3)), (null, null), (null, now.AddDays(-1)),
        ];
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        for (var i = 0; i < states.Length; i++)
        {
            var contact = await seed.ContactAsync("messenger", $"m{i}", unit.Id, TimeSpan.FromHours(1), now, [], ct: ct);
            if (states[i] is { } state)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO subscriptions (contact_id, topic, opted_in_at, opted_out_at, source) VALUES (@contact, @topic, @In, @Out, 'test')",
                    new { contact, topic, state.In, state.Out });
            }
        }

        var rows = (await connection.QueryAsync<(string User, bool? Now, bool? Before)>(
            $"""
            SELECT c.platform_user_id, {AudienceSql.IsOptedIn},
                   (EXISTS (SELECT 1 FROM subscriptions s WHERE s.contact_id = c.id AND s.topic = @topic AND s.is_active)
                    OR (NOT (SELECT t.is_mutable FROM topics t WHERE t.code = @topic)
                        AND NOT EXISTS (SELECT 1 FROM subscriptions s
                                        WHERE s.contact_id = c.id AND s.topic = @topic AND NOT s.is_active AND s.opted_out_at IS NOT NULL)))
            FROM contacts c
            {AudienceSql.SubscriptionJoin}
            ORDER BY c.platform_user_id
            """,
            new { topic })).AsList();

        Assert.Equal(states.Length, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.Now));
        Assert.All(rows, r => Assert.Equal(r.Before, r.Now));
        Assert.Equal(topic == "hotline" ? 4 : 2, rows.Count(r => r.Now == true));
    }
}
