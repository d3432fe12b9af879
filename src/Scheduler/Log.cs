using Microsoft.Extensions.Logging;

namespace Outreach.Scheduler;

/// <summary>
/// Log messages of Outreach.Scheduler, one place, each with its own event id:
/// 4000 broadcasts, 4100 roll-ups, 4200 insights.
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
}
