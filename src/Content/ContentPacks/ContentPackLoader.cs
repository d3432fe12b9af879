using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outreach.Content.Knowledge;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.ContentPacks;

/// <summary>
/// Keeps <see cref="CurrentKnowledge"/> on the newest pack: imports the pack files into PostgreSQL when they changed (a bad
/// pack is refused whole and the current one stays), then builds and swaps in the newest version from the database.
/// </summary>
public sealed partial class ContentPackLoader(
    ContentPackStore store, KnowledgeItemStore items, CurrentKnowledge knowledge, IOptions<KnowledgeOptions> options,
    ILogger<ContentPackLoader> logger) : IDisposable
{
    // One refresh at a time: the timer, a NOTIFY and an approval on this host may all ask at once.
    private readonly SemaphoreSlim _gate = new(1, 1);

    // The files last read (imported or refused): unchanged files are not parsed again on every tick.
    private string? _lastSeenHash;

    // The pack version last loaded: an approval rebuilds the snapshot from it without reading the pack again.
    private (long Version, ContentPack Pack)? _pack;

    /// <summary>
    /// One check. Returns the version now in use (0 when there is none yet). A new pack version or a new approval
    /// (<c>kb_revision</c>) builds the next snapshot: the pack with the approved staff items over it (KnowledgeMerge).
    /// </summary>
    public async Task<long> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (options.Value.ImportFiles)
            {
                await ImportFilesAsync(cancellationToken);
            }

            var latest = await store.LatestAsync(cancellationToken);
            var revision = await items.RevisionAsync(cancellationToken);
            if (latest is not { } newest || (knowledge.Current is { } current && current.Version == newest.Version && current.Revision == revision))
            {
                return knowledge.Current?.Version ?? 0;
            }

            var pack = _pack is { } cached && cached.Version == newest.Version ? cached.Pack : await store.LoadAsync(newest.Version, cancellationToken);
            if (pack is not null)
            {
                _pack = (newest.Version, pack);
                var approved = revision > 0 ? await items.ApprovedAsync(cancellationToken) : [];
                var snapshot = KnowledgeSnapshot.Build(KnowledgeMerge.Apply(pack, approved, revision), newest.Version);
                snapshot.Revision = revision;
                knowledge.Swap(snapshot);
                LogSwapped(logger, newest.Version, snapshot.Pack.Entries.Count);
            }

            return knowledge.Current?.Version ?? 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

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
