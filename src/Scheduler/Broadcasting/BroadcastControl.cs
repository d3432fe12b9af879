using Hangfire;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Content.Time;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>Schedules posts and pauses, resumes or cancels their broadcasts, mid-flight included.</summary>
public sealed class BroadcastControl(
    PostStore posts,
    BroadcastStore broadcasts,
    DeliveryStore deliveries,
    BroadcastWorkers workers,
    IBackgroundJobClient jobs,
    IRecurringJobManager recurringJobs,
    TimeProvider time)
{
    public static string RecurringJobIdFor(long postId) => $"post-{postId}";

    /// <summary>Moves an approved post to "scheduled" and registers its Hangfire job(s). False when it was not approved any more.</summary>
    public async Task<bool> ScheduleAsync(Post post, PostSchedule schedule, long actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(schedule);
        if (!await posts.TransitionAsync(post.Id, PostStatuses.Approved, PostStatuses.Scheduled, actorId, null, schedule, cancellationToken))
        {
            return false;
        }

        if (schedule.Kind == PostSchedule.Recurring)
        {
            recurringJobs.AddOrUpdate<PlanBroadcastJob>(
                RecurringJobIdFor(post.Id),
                j => j.RunOccurrenceAsync(post.Id, CancellationToken.None),
                schedule.Cron!,
                new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        }
        else
        {
            var at = schedule.SendAt!.Value;
            jobs.Schedule<PlanBroadcastJob>(j => j.RunAsync(post.Id, at, CancellationToken.None), at);
        }

        return true;
    }

    public Task<bool> PauseAsync(long broadcastId, CancellationToken cancellationToken) =>
        broadcasts.TransitionAsync(broadcastId, [BroadcastStatuses.Sending], BroadcastStatuses.Paused, time.GetUtcNow(), cancellationToken);

    public async Task<bool> ResumeAsync(long broadcastId, CancellationToken cancellationToken)
    {
        if (!await broadcasts.TransitionAsync(broadcastId, [BroadcastStatuses.Paused], BroadcastStatuses.Sending, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        workers.Start(broadcastId);
        return true;
    }

    /// <summary>Cancels a broadcast: nothing more is handed to a platform (sends in flight finish and are recorded).</summary>
    public async Task<bool> CancelAsync(long broadcastId, CancellationToken cancellationToken)
    {
        var cancelled = await broadcasts.TransitionAsync(
            broadcastId,
            [BroadcastStatuses.Planned, BroadcastStatuses.Sending, BroadcastStatuses.Paused],
            BroadcastStatuses.Cancelled,
            time.GetUtcNow(),
            cancellationToken);
        if (cancelled)
        {
            await deliveries.CancelRemainingAsync(broadcastId, time.GetUtcNow(), cancellationToken);
        }

        return cancelled;
    }

    /// <summary>Cancels a post: its schedule, and every broadcast of it still running.</summary>
    public async Task<bool> CancelPostAsync(Post post, long actorId, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (PostStatuses.IsFinal(post.Status)
            || !await posts.TransitionAsync(post.Id, post.Status, PostStatuses.Cancelled, actorId, note, null, cancellationToken))
        {
            return false;
        }

        recurringJobs.RemoveIfExists(RecurringJobIdFor(post.Id));
        foreach (var broadcast in await broadcasts.ListForPostAsync(post.Id, cancellationToken))
        {
            await CancelAsync(broadcast.Id, cancellationToken);
        }

        return true;
    }
}
