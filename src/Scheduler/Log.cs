using Microsoft.Extensions.Logging;

namespace Outreach.Scheduler;

/// <summary>
/// Log messages of Outreach.Scheduler, one place, each with its own event id:
/// 4000 broadcasts, 4100 roll-ups, 4200 insights, 4300 publishing on feeds.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Broadcast {BroadcastId} of post {PostId} planned: {Queued} queued, {Skipped} skipped")]
    public static partial void BroadcastPlanned(ILogger logger, long broadcastId, long postId, int queued, int skipped);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Post {PostId} not planned: status {Status}")]
    public static partial void PostNotPlanned(ILogger logger, long postId, string status);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Reach roll-up consumed {Count} events")]
    public static partial void RolledUp(ILogger logger, int count);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Insights of post {PostId} on {Platform} not read: {Error}")]
    public static partial void InsightsNotRead(ILogger logger, string platform, long postId, string error);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Post {PostId} published on {AccountId} as {ExternalId}")]
    public static partial void Published(ILogger logger, long postId, string accountId, string externalId);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Post {PostId} not published on {AccountId}: {ErrorCode} (retry: {WillRetry})")]
    public static partial void PublishFailed(ILogger logger, long postId, string accountId, string errorCode, bool willRetry);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Post {PostId} on {AccountId}: attempt {AttemptKey} got no answer; the feed is checked before any new attempt")]
    public static partial void PublishUncertain(ILogger logger, long postId, string accountId, Guid attemptKey);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "Post {PostId} on {AccountId}: attempt {AttemptKey} had published; recorded from the feed")]
    public static partial void PublicationRecovered(ILogger logger, long postId, string accountId, Guid attemptKey);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Information, Message = "Post {PostId} on OA {AccountId}: article {Step} ({Detail})")]
    public static partial void ArticleStep(ILogger logger, long postId, string accountId, string step, string detail);
}
