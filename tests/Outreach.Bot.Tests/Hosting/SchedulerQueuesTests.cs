using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Scheduler.Hosting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Hosting;

/// <summary>Broadcasts have Hangfire workers of their own: however many run, the housekeeping queue is still served.</summary>
public sealed class SchedulerQueuesTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task BroadcastsHoldingEveryWorker_TheRollUpQueueStillRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        var gate = Gate.New();
        await using var host = await TestHost.StartAsync(
            _database,
            new Dictionary<string, string?> { ["Outreach:Scheduler:WorkerCount"] = "2", ["Outreach:Scheduler:BroadcastWorkerCount"] = "2" },
            cancellationToken: ct);
        try
        {
            var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
            for (var i = 0; i < 6; i++)
            {
                jobs.Enqueue<HeldBroadcastJob>(j => j.RunAsync(gate.Id));
            }

            await gate.WaitForHeldAsync(2, ct); // every worker that may take a broadcast has one, and more wait

            jobs.Enqueue<HousekeepingProbeJob>(j => j.Run(gate.Id));

            await gate.HousekeepingRan.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            Assert.Equal(2, gate.Held);
        }
        finally
        {
            // Let the held jobs end before the host stops.
            gate.Release.TrySetResult();
        }
    }

    internal sealed class Gate
    {
        private static readonly ConcurrentDictionary<string, Gate> Gates = new();

        private int _held;

        public string Id { get; } = Guid.NewGuid().ToString("N");

        public int Held => Volatile.Read(ref _held);

        public void Hold() => Interlocked.Increment(ref _held);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource HousekeepingRan { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static Gate New()
        {
            var gate = new Gate();
            Gates[gate.Id] = gate;
            return gate;
        }

        public static Gate Find(string id) => Gates[id];

        public async Task WaitForHeldAsync(int count, CancellationToken ct)
        {
            while (Held < count)
            {
                await Task.Delay(50, ct);
            }
        }
    }
}

/// <summary>Stands for a long broadcast chunk: holds its worker until the test lets go.</summary>
public sealed class HeldBroadcastJob
{
    [AutomaticRetry(Attempts = 0)]
    [Queue(SchedulerQueues.Broadcast)]
    public async Task RunAsync(string gateId)
    {
        var gate = SchedulerQueuesTests.Gate.Find(gateId);
        gate.Hold();
        await gate.Release.Task;
    }
}

/// <summary>Stands for the roll-up or the watchdog.</summary>
public sealed class HousekeepingProbeJob
{
    [AutomaticRetry(Attempts = 0)]
    [Queue(SchedulerQueues.Default)]
    public void Run(string gateId) => SchedulerQueuesTests.Gate.Find(gateId).HousekeepingRan.TrySetResult();
}
