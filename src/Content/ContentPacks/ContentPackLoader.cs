using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.ContentPacks;

/// <summary>
/// Keeps <see cref="CurrentKnowledge"/> on the newest pack: imports the pack files into PostgreSQL when they changed (a bad
/// pack is refused whole and the current one stays), then builds and swaps in the newest version from the database.
/// </summary>
public sealed partial class ContentPackLoader(
    ContentPackStore store, CurrentKnowledge knowledge, IOptions<KnowledgeOptions> options, ILogger<ContentPackLoader> logger)
{
    // The files last read (imported or refused): unchanged files are not parsed again on every tick.
    private string? _lastSeenHash;

    /// <summary>One check. Returns the version now in use (0 when there is none yet).</summary>
    public async Task<long> RefreshAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ImportFiles)
        {
            await ImportFilesAsync(cancellationToken);
        }

        var latest = await store.LatestAsync(cancellationToken);
        if (latest is not { } newest || knowledge.Current?.Version == newest.Version)
        {
            return knowledge.Current?.Version ?? 0;
        }

        var pack = await store.LoadAsync(newest.Version, cancellationToken);
        if (pack is not null)
        {
            knowledge.Swap(KnowledgeSnapshot.Build(pack, newest.Version));
            LogSwapped(logger, newest.Version, pack.Entries.Count);
        }

        return knowledge.Current?.Version ?? 0;
    }

    private async Task ImportFilesAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.PackDirectory;
        var hash = await ContentPackReader.HashAsync(directory, cancellationToken);
        if (hash == _lastSeenHash)
        {
            return;
        }

        try
        {
            var pack = await ContentPackReader.ReadAsync(directory, cancellationToken);
            await store.SaveAsync(pack, directory, cancellationToken);
            _lastSeenHash = pack.Hash;
        }
        catch (ContentPackException ex)
        {
            // Refused whole: members keep getting the current version; staff see why in the log (once per change).
            _lastSeenHash = hash;
            LogRefused(logger, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Content pack version {Version} in use ({Entries} entries)")]
    private static partial void LogSwapped(ILogger logger, long version, int entries);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Error, Message = "Content pack refused, the current one stays: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
