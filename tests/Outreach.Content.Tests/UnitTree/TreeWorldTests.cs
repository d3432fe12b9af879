using Outreach.Testing;

namespace Outreach.Content.Tests.UnitTree;

/// <summary>
/// A test class on its own database with the <see cref="TreeWorld"/> (two provinces, two wards, a chi hội) created before
/// each test; <see cref="SeedAsync"/> adds what a class needs on top of it.
/// </summary>
public abstract class TreeWorldTests(PostgresServer server) : IAsyncLifetime
{
    private protected TestDatabase Database { get; private set; } = null!;

    private protected TreeWorld World { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Database = await server.CreateDatabaseAsync(Ct);
        World = await TreeWorld.CreateAsync(Database, Ct);
        await SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>What the class adds to the world before each test (nothing by default).</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;
}
