using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Outreach.Content.Storage;
using Outreach.Testing;

namespace Outreach.Content.Tests.Storage;

public sealed class DatabaseMigratorTests(PostgresServer server)
{
    private readonly DatabaseMigrator _migrator = new(NullLogger<DatabaseMigrator>.Instance);

    [Fact]
    public async Task MigrateAsync_AppliedTwice_SecondRunIsNoOp()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateEmptyDatabaseAsync(cancellationToken: ct);

        var first = await _migrator.MigrateAsync(connectionString, ct);
        var schemaAfterFirst = await SchemaFingerprintAsync(connectionString, ct);
        var second = await _migrator.MigrateAsync(connectionString, ct);

        Assert.NotEmpty(first);
        Assert.Contains(first, name => name.EndsWith("0001_create_org_units.sql", StringComparison.Ordinal));
        Assert.Empty(second);
        Assert.Equal(schemaAfterFirst, await SchemaFingerprintAsync(connectionString, ct));
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(first.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_versions"));
    }

    [Fact]
    public async Task MigrateAsync_TwoHostsAtOnce_EachScriptAppliedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateEmptyDatabaseAsync(cancellationToken: ct);

        var results = await Task.WhenAll(
            Task.Run(() => _migrator.MigrateAsync(connectionString, ct), ct),
            Task.Run(() => _migrator.MigrateAsync(connectionString, ct), ct));

        var applied = results.SelectMany(r => r).ToList();
        Assert.Equal(applied.Distinct().Count(), applied.Count);
        Assert.Contains(results, r => r.Count == 0);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(applied.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_versions"));
    }

    [Fact]
    public async Task MigrateAsync_CreatesTheFoundationTables()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateEmptyDatabaseAsync(cancellationToken: ct);

        await _migrator.MigrateAsync(connectionString, ct);

        await using var connection = new NpgsqlConnection(connectionString);
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).ToHashSet();
        Assert.Superset(new HashSet<string> { "org_units", "org_unit_levels", "contacts", "subscriptions", "topics", "inbox_events" }, tables);
    }

    private static async Task<string> SchemaFingerprintAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var columns = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
            WHERE table_schema = 'public' ORDER BY 1
            """,
            cancellationToken: ct));
        return string.Join('\n', columns);
    }
}
