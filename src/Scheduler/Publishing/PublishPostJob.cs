using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Content.Publishing;

namespace Outreach.Scheduler.Publishing;

/// <summary>
/// At a post's time (started by PlanBroadcastJob): publishes the post on the feed of each Page of its unit. Each Page post is a
/// <see cref="PostPublication"/> row, claimed with a fresh attempt key (committed) before Graph is called and given the
/// platform's post id after (which links it for insights). A row left "publishing" (no answer, or the host died) is left
/// alone for <see cref="PublishingOptions.UncertainWaitSeconds"/>, then the Page's feed is searched for it: found, it is
/// recorded; absent, a new attempt replaces the old one. So a retry never publishes twice. A refusal stops that Page's part
/// with its Vietnamese reason; a retryable failure is tried again later by this job scheduling itself.
/// </summary>
public sealed partial class PublishPostJob(
    PostStore posts,
    OrgUnitStore units,
    PublicationStore publications,
    PostImageStore images,
    IEnumerable<IFeedPublisher> publishers,
    IEnumerable<IArticlePublisher> articlePublishers,
    IBackgroundJobClient jobs,
    IOptions<PublishingOptions> options,
    IOptions<Broadcasting.BroadcastOptions> broadcastOptions,
    TimeProvider time,
    ILogger<PublishPostJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [Queue(Hosting.SchedulerQueues.Broadcast)]
    public async Task RunAsync(long postId, DateTimeOffset occurrenceAt, CancellationToken cancellationToken)
    {
        var post = await posts.FindAsync(postId, cancellationToken);
        if (post is null || post.Status == PostStatuses.Cancelled)
        {
            await publications.CancelPendingAsync(postId, cancellationToken);
            return;
        }

        var feed = FeedPost.Of(post.Title, post.Body, post.LinkUrl);
        if (post.ImageId is { } imageId && await images.FindAsync(imageId, cancellationToken) is { } image
            && await images.ReadAsync(imageId, cancellationToken) is { } bytes)
        {
            feed = feed with { Image = new FeedImage(bytes, image.ContentType) };
        }
        DateTimeOffset? again = null;
        foreach (var publisher in publishers.Where(p => post.Destinations.Contains(p.Destination)))
        {
            foreach (var row in await RowsAsync(post, occurrenceAt, publisher.Destination, publisher.Channel, cancellationToken))
            {
                var next = await PublishOneAsync(row, publisher, feed, cancellationToken);
                again = next is null ? again : again is null || next < again ? next : again;
            }
        }

        foreach (var publisher in articlePublishers.Where(p => post.Destinations.Contains(p.Destination)))
        {
            var article = await ArticleOfAsync(post, cancellationToken);
            foreach (var row in await RowsAsync(post, occurrenceAt, publisher.Destination, publisher.Channel, cancellationToken))
            {
                var next = await ArticleStepAsync(row, publisher, article, cancellationToken);
                again = next is null ? again : again is null || next < again ? next : again;
            }
        }

        if (again is { } at)
        {
            jobs.Schedule<PublishPostJob>(j => j.RunAsync(postId, occurrenceAt, CancellationToken.None), at);
            return;
        }

        await FinishAsync(post, cancellationToken);
    }

    // The occurrence's rows: made once, for the Pages the unit has when the post goes out (a Page added later is not published on).
    private async Task<IReadOnlyList<PostPublication>> RowsAsync(Post post, DateTimeOffset occurrenceAt, string destination, string channel, CancellationToken ct)
    {
        var existing = (await publications.ForPostAsync(post.Id, ct))
            .Where(p => p.OccurrenceAt == occurrenceAt && p.Destination == destination).ToList();
        if (existing.Count > 0)
        {
            return existing;
        }

        var accounts = await publications.AccountsOfUnitAsync(channel, post.OrgUnitId, ct);
        if (accounts.Count == 0)
        {
            var unit = await units.FindAsync(post.OrgUnitId, ct);
            var what = destination == PostDestinations.ZaloArticle ? "Zalo OA" : "Trang Facebook";
            await publications.RecordNothingToPublishAsync(post.Id, occurrenceAt, destination, channel, "no_account",
                $"Đơn vị {unit?.Name} chưa có {what} nào đang hoạt động: quản trị viên thêm ở “Trang và OA” rồi lên lịch lại.", ct);
            return [];
        }

        return await publications.EnsureAsync(post.Id, occurrenceAt, destination, channel, accounts, ct);
    }

    // One Page's part; returns when this job should look at it again (null: nothing more to do for it).
    private async Task<DateTimeOffset?> PublishOneAsync(PostPublication row, IFeedPublisher publisher, FeedPost feed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (row.IsFinal)
        {
            return null;
        }

        if (row.Status == PublicationStatuses.Pending)
        {
            if (row.RetryAt is { } retryAt && retryAt > now)
            {
                return retryAt;
            }

            var claimed = await publications.ClaimAsync(row.Id, Guid.NewGuid(), ct);
            return claimed is null ? now.AddSeconds(settings.UncertainWaitSeconds) : await AttemptAsync(claimed, publisher, feed, ct);
        }

        // "publishing": an attempt whose outcome was never recorded. Wait until it cannot be in flight any more, then ask the platform.
        var settledAt = row.StartedAt!.Value.AddSeconds(settings.UncertainWaitSeconds);
        if (settledAt > now)
        {
            return settledAt;
        }

        var lookup = await publisher.FindAsync(row.AccountId, feed, row.StartedAt.Value.AddSeconds(-settings.LookupSlackSeconds), ct);
        if (!lookup.Known)
        {
            await publications.NoteUncertainAsync(row.Id, row.AttemptKey!.Value, "lookup_failed", lookup.Reason ?? "", ct);
            return now.AddSeconds(settings.RetrySeconds);
        }

        if (lookup.ExternalId is { } found)
        {
            await publications.RecordPublishedAsync(row.Id, row.AttemptKey!.Value, found, publisher.Platform, ct);
            Log.PublicationRecovered(logger, row.PostId, row.AccountId, row.AttemptKey.Value);
            return null;
        }

        var retaken = await publications.TakeOverAsync(row.Id, row.AttemptKey!.Value, Guid.NewGuid(), ct);
        return retaken is null ? now.AddSeconds(settings.UncertainWaitSeconds) : await AttemptAsync(retaken, publisher, feed, ct);
    }

    private async Task<DateTimeOffset?> AttemptAsync(PostPublication row, IFeedPublisher publisher, FeedPost feed, CancellationToken ct)
    {
        var key = row.AttemptKey!.Value;
        var settings = options.Value;
        var result = await publisher.PublishAsync(row.AccountId, feed, ct);
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case PublishOutcome.Published:
                await publications.RecordPublishedAsync(row.Id, key, result.ExternalId!, publisher.Platform, ct);
                Log.Published(logger, row.PostId, row.AccountId, result.ExternalId!);
                return null;
            case PublishOutcome.Unknown:
                await publications.NoteUncertainAsync(row.Id, key, result.ErrorCode ?? "unknown", result.Reason ?? "", ct);
                Log.PublishUncertain(logger, row.PostId, row.AccountId, key);
                return row.StartedAt!.Value.AddSeconds(settings.UncertainWaitSeconds);
            case PublishOutcome.Retry when row.Attempts < settings.MaxAttempts:
                var wait = result.RetryAfter ?? TimeSpan.FromSeconds(settings.RetrySeconds * Math.Pow(2, row.Attempts - 1));
                var retryAt = now + wait;
                await publications.RecordFailedAsync(row.Id, key, result.ErrorCode ?? "retry",
                    $"{result.Reason} Sẽ thử lại lúc {Content.Time.VietnamTime.ToLocal(retryAt).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}.", retryAt, ct);
                Log.PublishFailed(logger, row.PostId, row.AccountId, result.ErrorCode ?? "retry", true);
                return retryAt;
            default:
                var reason = result.Outcome == PublishOutcome.Retry
                    ? $"{result.Reason} Đã thử {row.Attempts} lần, dừng lại."
                    : result.Reason ?? "Nền tảng từ chối đăng bài.";
                await publications.RecordFailedAsync(row.Id, key, result.ErrorCode ?? "refused", reason, null, ct);
                Log.PublishFailed(logger, row.PostId, row.AccountId, result.ErrorCode ?? "refused", false);
                return null;
        }
    }

    // A post that goes out only on feeds ends here (one with messages ends with its broadcast): sent when every Page post is out,
    // partial when some are, failed when none.
    private async Task FinishAsync(Post post, CancellationToken ct)
    {
        if (post.SendsMessages || post.Status != PostStatuses.Sending || post.ScheduleKind != PostSchedule.Once)
        {
            return;
        }

        var rows = await publications.ForPostAsync(post.Id, ct);
        if (rows.Any(r => !r.IsFinal))
        {
            return;
        }

        var published = rows.Count(r => r.Status == PublicationStatuses.Published);
        var to = published == rows.Count && published > 0 ? PostStatuses.Sent : published > 0 ? PostStatuses.Partial : PostStatuses.Failed;
        await posts.TransitionAsync(post.Id, PostStatuses.Sending, to, null, null, null, ct);
    }
}
