using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// One <see cref="ConsoleWorld"/> for a whole test class whose tests change nothing another test reads: one gateway start
/// and stop instead of one per test (each start re-binds Hangfire's process-wide logging; see the report on the lifecycle flake).
/// </summary>
public sealed class ConsoleWorldFixture(PostgresServer server) : IAsyncLifetime
{
    internal ConsoleWorld World { get; private set; } = null!;

    public async ValueTask InitializeAsync() => World = await ConsoleWorld.StartAsync(server);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();
}
