using Microsoft.Extensions.Logging;

namespace Outreach.Content;

/// <summary>Log messages of Outreach.Content (event ids 1000–1999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Message = "Migration: {Text}")]
    public static partial void Migration(ILogger logger, LogLevel level, string text);
}
