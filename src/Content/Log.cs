using Microsoft.Extensions.Logging;

namespace Outreach.Content;

/// <summary>
/// Log messages of Outreach.Content (event ids 1000–1999): 1000 storage. The content pack's loader and reloader declare
/// 1501–1503 in their own files for now (ContentPacks is being reworked in parallel); they move here next.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Message = "Migration: {Text}")]
    public static partial void Migration(ILogger logger, LogLevel level, string text);
}
