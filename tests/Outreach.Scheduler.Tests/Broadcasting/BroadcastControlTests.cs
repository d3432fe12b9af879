using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Scheduler.Broadcasting;
using Outreach.Testing;

namespace Outreach.Scheduler.Tests.Broadcasting;

/// <summary>BroadcastControl on real PostgreSQL with recording job clients: which jobs a schedule registers, and what pause, resume and cancel change.</summary>
public sealed class BroadcastControlTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private readonly RecordingJobs _jobs = new();
    private readonly RecordingRecurringJobs _recurring = new();
    private TestDatabase _database = null!;
    private BroadcastControl _control = null!;
    private Post _post = null!;
    private long _broadcastId;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var unit = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var editor = await seed.StaffAsync("editor", unit.Id, "editor", ct);
        await seed.ManyContactsAsync("messenger", 6, unit.Id, "health", Now.AddHours(-1), "psid-", ct);
        _post = await new PostStore(_database.DataSource, new FakeTimeProvider(Now)).CreateAsync(
            new Post { OrgUnitId = unit.Id, Title = "T", Body = "B", Topic = "health", Audience = Audience.Of(["messenger"], [unit.Id]), CreatedBy = editor.Id }, ct);
        var broadcasts = new BroadcastStore(_database.DataSource);
        _broadcastId = (await broadcasts.GetOrCreateAsync(_post.Id, Now, ct)).Id;
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await new AudiencePlanner(TestChannels.Eligibility()).PlanAsync(transaction, _broadcastId, _post, Now, 3, ct);
            await broadcasts.MarkPlannedAsync(transaction, _broadcastId, Now, Now, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE deliveries SET status = 'sent', sent_at = @Now WHERE broadcast_id = @id AND chunk_no = 0", new { Now, id = _broadcastId }, transaction,
                cancellationToken: ct));
            await transaction.CommitAsync(ct);
        }

        var time = new FakeTimeProvider(Now);
        var options = Options.Create(new BroadcastOptions { WorkersPerBroadcast = 2 });
        _control = new BroadcastControl(broadcasts, new DeliveryStore(_database.DataSource), new BroadcastWorkers(_jobs, options, time), _jobs, _recurring, time);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void StartSchedule_Once_SchedulesThePlanningJobAtTheTime()
    {
        var at = Now.AddDays(1);

        _control.StartSchedule(_post.Id, new PostSchedule(PostSchedule.Once, at, null));

        var (job, state) = Assert.Single(_jobs.Created);
        Assert.Equal((typeof(PlanBroadcastJob), nameof(PlanBroadcastJob.RunAsync)), (job.Type, job.Method.Name));
        Assert.Equal(_post.Id, job.Args[0]);
        Assert.Equal(at.UtcDateTime, Assert.IsType<ScheduledState>(state).EnqueueAt);
        Assert.Empty(_recurring.Added);
    }

    [Fact]
    public void StartSchedule_Recurring_RegistersTheOccurrenceJobOnTheCronInVietnamTime()
    {
        _control.StartSchedule(_post.Id, new PostSchedule(PostSchedule.Recurring, null, "0 8 * * 1"));

        var (id, job, cron, options) = Assert.Single(_recurring.Added);
        Assert.Equal(BroadcastControl.RecurringJobIdFor(_post.Id), id);
        Assert.Equal(nameof(PlanBroadcastJob.RunOccurrenceAsync), job.Method.Name);
        Assert.Equal("0 8 * * 1", cron);
        Assert.Equal(Content.Time.VietnamTime.Zone, options.TimeZone);
        Assert.Empty(_jobs.Created);
    }

    [Fact]
    public async Task PauseResume_OnlyFromTheStatusTheyLeave_ResumeStartsTheWorkers()
    {
        var ct = TestContext.Current.CancellationToken;

        var resumedWhileSending = await _control.ResumeAsync(_broadcastId, ct);
        var paused = await _control.PauseAsync(_broadcastId, ct);
        var pausedAgain = await _control.PauseAsync(_broadcastId, ct);
        var resumed = await _control.ResumeAsync(_broadcastId, ct);

        Assert.Equal((false, true, false, true), (resumedWhileSending, paused, pausedAgain, resumed));
        Assert.Equal(2, _jobs.Created.Count(c => c.Job.Type == typeof(SendBroadcastJob) && c.State is EnqueuedState));
        Assert.Equal("sending", await StatusAsync());
    }

    [Fact]
    public async Task StopPostAsync_RemovesTheRecurringJob_CancelsWhatWasNotSent_KeepsWhatWas()
    {
        var ct = TestContext.Current.CancellationToken;

        await _control.StopPostAsync(_post.Id, ct);
        var cancelledAgain = await _control.CancelAsync(_broadcastId, ct);

        Assert.Equal([BroadcastControl.RecurringJobIdFor(_post.Id)], _recurring.Removed);
        Assert.Equal("cancelled", await StatusAsync());
        Assert.False(cancelledAgain);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        var statuses = (await connection.QueryAsync<(string, int)>(
            "SELECT status, count(*)::int FROM deliveries WHERE broadcast_id = @id GROUP BY 1 ORDER BY 1", new { id = _broadcastId })).ToList();
        Assert.Equal([("cancelled", 3), ("sent", 3)], statuses);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM broadcast_chunks WHERE broadcast_id = @id AND status = 'pending'", new { id = _broadcastId }));
    }

    private async Task<string> StatusAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM broadcasts WHERE id = @id", new { id = _broadcastId }) ?? "";
    }

    private sealed class RecordingJobs : IBackgroundJobClient
    {
        public List<(Job Job, IState State)> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            Created.Add((job, state));
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

    private sealed class RecordingRecurringJobs : IRecurringJobManager
    {
        public List<(string Id, Job Job, string Cron, RecurringJobOptions Options)> Added { get; } = [];

        public List<string> Removed { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
            Added.Add((recurringJobId, job, cronExpression, options));

        public void Trigger(string recurringJobId)
        {
        }

        public void RemoveIfExists(string recurringJobId) => Removed.Add(recurringJobId);
    }
}
