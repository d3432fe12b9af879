namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// The pack version every turn answers from. A reload builds the next snapshot aside and swaps the reference at once, so a
/// turn never sees half a pack. Turns that start before the first load wait for it.
/// </summary>
public sealed class CurrentKnowledge
{
    private readonly TaskCompletionSource<KnowledgeSnapshot> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile KnowledgeSnapshot? _current;

    /// <summary>The current snapshot, or null before the first load.</summary>
    public KnowledgeSnapshot? Current => _current;

    /// <summary>The current snapshot, waiting for the first load if needed.</summary>
    public async Task<KnowledgeSnapshot> GetAsync(CancellationToken cancellationToken) =>
        _current ?? await _first.Task.WaitAsync(cancellationToken);

    public void Swap(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _current = snapshot;
        _first.TrySetResult(snapshot);
    }
}
