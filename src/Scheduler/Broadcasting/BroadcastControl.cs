using Hangfire;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Content.Time;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// The jobs side of sending: registers a scheduled post's Hangfire job(s) and removes them, and pauses, resumes or cancels
/// broadcasts mid-flight. It never changes a post's status: staff steps belong to the staff posts service, "sending" and
/// "sent" to the broadcast jobs.
/// </summary>
public sealed class BroadcastControl(
    BroadcastStore broadcasts,
    DeliveryStore deliveries,
    BroadcastWorkers workers,
    IBackgroundJobClient jobs,
    IRecurringJobManager recurringJobs,
    TimeProvider time,
    Content.Publishing.PublicationStore? publications = null)
{
    public static string RecurringJobIdFor(long postId) => $"post-{postId}";

    /// <summary>Registers the job(s) of a post just scheduled: one at <see cref="PostSchedule.SendAt"/>, or a recurring one (cron in Asia/Ho_Chi_Minh).</summary>
    public void StartSchedule(long postId, PostSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Kind == PostSchedule.Recurring)
        {
            recurringJobs.AddOrUpdate<PlanBroadcastJob>(
                RecurringJobIdFor(postId),
                j => j.RunOccurrenceAsync(postId, CancellationToken.None),
                schedule.Cron!,
                new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        }
        else
        {
            var at = schedule.SendAt!.Value;
            jobs.Schedule<PlanBroadcastJob>(j => j.RunAsync(postId, at, CancellationToken.None), at);
        }
    }

    /// <summary>
    /// Forgets a post's schedule (rescheduled, or sent back for approval after an edit): its recurring job goes; a one-off job
    /// already queued stays but plans nothing, since the post's time or status no longer matches it (PlanBroadcastJob).
    /// </summary>
    public void StopSchedule(long postId) => recurringJobs.RemoveIfExists(RecurringJobIdFor(postId));

    /// <summary>Stops everything a cancelled post still has running: its recurring job and every broadcast of it.</summary>
    public async Task StopPostAsync(long postId, CancellationToken cancellationToken)
    {
        recurringJobs.RemoveIfExists(RecurringJobIdFor(postId));
        if (publications is not null)
        {
            await publications.CancelPendingAsync(postId, cancellationToken);
        }

        foreach (var broadcast in await broadcasts.ListForPostAsync(postId, cancellationToken))
        {
            await CancelAsync(broadcast.Id, cancellationToken);
        }
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
}
