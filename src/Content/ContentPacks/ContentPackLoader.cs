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

    // What the snapshot this loader swapped in was made of (the approved items by id): an approval then changes only its items.
    private Applied? _applied;

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
                Swap(newest.Version, pack, [.. approved], revision, previous: null);
                LogSwapped(logger, newest.Version, knowledge.Current!.Pack.Entries.Count);
            }

            return knowledge.Current?.Version ?? 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Takes in the approvals <paramref name="changes"/> name (the notification's payload, or the approval this host just made):
    /// when the snapshot in use is at the revision just before them, only their versions are read and the next snapshot shares
    /// everything else with it (the unchanged entries' terms, the crisis detector); otherwise (a missed or out-of-order change,
    /// a version no longer approved) a full <see cref="RefreshAsync"/>. Changes the snapshot already has are skipped.
    /// </summary>
    public async Task<long> ApplyAsync(IReadOnlyList<KnowledgeApproval> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await TryApplyAsync(changes, cancellationToken))
            {
                return knowledge.Current?.Version ?? 0;
            }
        }
        finally
        {
            _gate.Release();
        }

        LogRebuilding(logger, changes.Count, changes.Count > 0 ? changes[^1].Revision : 0);
        return await RefreshAsync(cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<bool> TryApplyAsync(IReadOnlyList<KnowledgeApproval> changes, CancellationToken cancellationToken)
    {
        if (_applied is not { } applied || !ReferenceEquals(knowledge.Current, applied.Snapshot))
        {
            return false;
        }

        var pending = changes.Where(c => c.Revision > applied.Snapshot.Revision).OrderBy(c => c.Revision).ToList();
        for (var i = 0; i < pending.Count; i++)
        {
            if (pending[i].Revision != applied.Snapshot.Revision + 1 + i)
            {
                return false; // an approval between them never reached this host
            }
        }

        if (pending.Count == 0)
        {
            return true;
        }

        var loaded = await items.ApprovedVersionsAsync(pending, cancellationToken);
        if (loaded.Count != pending.Select(c => c.ItemId).Distinct().Count())
        {
            return false;
        }

        var approved = new List<ApprovedKnowledge>(applied.Items);
        foreach (var item in loaded)
        {
            var at = approved.BinarySearch(item, ByItemId.Instance);
            if (at >= 0)
            {
                approved[at] = item;
            }
            else
            {
                approved.Insert(~at, item);
            }
        }

        Swap(applied.PackVersion, applied.Pack, [.. approved], pending[^1].Revision, applied.Snapshot);
        LogApplied(logger, pending[^1].Revision, loaded.Count, knowledge.Current!.Index.ReusedEntries, knowledge.Current.Pack.Entries.Count);
        return true;
    }

    // Builds the snapshot of the pack with these approved items (ordered by id, as ApprovedAsync reads them) and swaps it in.
    private void Swap(long packVersion, ContentPack pack, ApprovedKnowledge[] approved, long revision, KnowledgeSnapshot? previous)
    {
        var snapshot = KnowledgeSnapshot.Build(KnowledgeMerge.Apply(pack, approved, revision), packVersion, null, previous);
        snapshot.Revision = revision;
        knowledge.Swap(snapshot);
        _applied = new Applied(snapshot, packVersion, pack, approved);
    }

    private sealed record Applied(KnowledgeSnapshot Snapshot, long PackVersion, ContentPack Pack, ApprovedKnowledge[] Items);

    private sealed class ByItemId : IComparer<ApprovedKnowledge>
    {
        public static readonly ByItemId Instance = new();

        public int Compare(ApprovedKnowledge? x, ApprovedKnowledge? y) => (x?.ItemId ?? 0).CompareTo(y?.ItemId ?? 0);
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

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information,
        Message = "Knowledge revision {Revision} in use: {Items} approved item(s) read, {Reused} of {Entries} entries shared with the previous snapshot")]
    private static partial void LogApplied(ILogger logger, long revision, int items, int reused, int entries);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Information,
        Message = "{Count} knowledge change(s) up to revision {Revision} not applicable on the snapshot in use; rebuilding in full")]
    private static partial void LogRebuilding(ILogger logger, int count, long revision);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Error, Message = "Content pack refused, the current one stays: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
