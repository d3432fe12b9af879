using Cronos;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Content.Time;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// At a post's scheduled time: creates the occurrence's broadcast, plans its deliveries in bulk, and starts its workers
/// (at the next allowed time when the quiet hours forbid sending now). Idempotent: a retried run finds the plan made.
/// </summary>
public sealed partial class PlanBroadcastJob(
    NpgsqlDataSource dataSource,
    PostStore posts,
    BroadcastStore broadcasts,
    AudiencePlanner planner,
    BroadcastWorkers workers,
    QuietHours quietHours,
    IBackgroundJobClient jobs,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<PlanBroadcastJob> logger)
{
    /// <summary>A one-off post's occurrence.</summary>
    [AutomaticRetry(Attempts = 5)]
    [Queue(Hosting.SchedulerQueues.Broadcast)]
    public async Task RunAsync(long postId, DateTimeOffset occurrenceAt, CancellationToken cancellationToken)
    {
        var post = await posts.FindAsync(postId, cancellationToken);
        if (post is null || post.Status is not (PostStatuses.Scheduled or PostStatuses.Sending))
        {
            Log.PostNotPlanned(logger, postId, post?.Status ?? "missing");
            return;
        }

        // A post rescheduled (another time, or a repeating schedule) leaves this job behind: it is not this post's time any more.
        if (post.Status == PostStatuses.Scheduled
            && (post.ScheduleKind != PostSchedule.Once || post.SendAt is not { } sendAt || (sendAt - occurrenceAt).Duration() > TimeSpan.FromSeconds(1)))
        {
            Log.PostNotPlanned(logger, postId, "rescheduled");
            return;
        }

        if (post.ScheduleKind == PostSchedule.Once)
        {
            await posts.TransitionAsync(postId, PostStatuses.Scheduled, PostStatuses.Sending, null, null, null, cancellationToken);
        }

        await PlanAsync(post, occurrenceAt, cancellationToken);
    }

    /// <summary>A recurring post's occurrence: the latest cron occurrence (Asia/Ho_Chi_Minh) at or before now.</summary>
    [AutomaticRetry(Attempts = 5)]
    [Queue(Hosting.SchedulerQueues.Broadcast)]
    public async Task RunOccurrenceAsync(long postId, CancellationToken cancellationToken)
    {
        var post = await posts.FindAsync(postId, cancellationToken);
        if (post?.Cron is null || post.Status != PostStatuses.Scheduled)
        {
            Log.PostNotPlanned(logger, postId, post?.Status ?? "missing");
            return;
        }

        var now = time.GetUtcNow();
        var occurrence = CronExpression.Parse(post.Cron)
            .GetOccurrences(now.AddDays(-31), now, VietnamTime.Zone, fromInclusive: true, toInclusive: true)
            .LastOrDefault(now);
        await PlanAsync(post, occurrence, cancellationToken);
    }

    private async Task PlanAsync(Post post, DateTimeOffset occurrenceAt, CancellationToken cancellationToken)
    {
        // The Page feeds get the post at its time (a feed post pushes nothing to anyone, so the quiet hours do not hold it back);
        // a retried plan starts the publishing job again, which finds its rows made and publishes nothing twice.
        if (post.Destinations.Contains(PostDestinations.FacebookFeed) || post.Destinations.Contains(PostDestinations.ZaloArticle))
        {
            jobs.Enqueue<Publishing.PublishPostJob>(j => j.RunAsync(post.Id, occurrenceAt.ToUniversalTime(), CancellationToken.None));
        }

        if (!post.SendsMessages)
        {
            return;
        }

        var broadcast = await broadcasts.GetOrCreateAsync(post.Id, occurrenceAt.ToUniversalTime(), cancellationToken);
        if (broadcast.PlannedAt is null)
        {
            var now = time.GetUtcNow();
            var notBefore = quietHours.NextAllowed(post, now);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var (queued, skipped) = await planner.PlanAsync(
                transaction, broadcast.Id, post, now, options.Value.ChunkSize, cancellationToken);
            await broadcasts.MarkPlannedAsync(transaction, broadcast.Id, now, notBefore, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Log.BroadcastPlanned(logger, broadcast.Id, post.Id, queued, skipped);
            broadcast = broadcast with { NotBefore = notBefore, Status = BroadcastStatuses.Sending };
        }

        if (broadcast.Status == BroadcastStatuses.Sending)
        {
            workers.Start(broadcast.Id, broadcast.NotBefore);
        }
    }
}
