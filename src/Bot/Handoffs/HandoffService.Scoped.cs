using Outreach.Content.Handoffs;

namespace Outreach.Bot.Handoffs;

/// <summary>
/// The same operations for a staff member of one unit: only handoffs of members in her unit or below it (members with no
/// unit: only for a top-level unit's staff). Anything else is "not found", never "forbidden": it does not exist for her.
/// </summary>
public sealed partial class HandoffService
{
    /// <summary>The scope's open handoffs, crisis ones first, then oldest first.</summary>
    public Task<IReadOnlyList<HandoffListing>> ListAsync(long scopeUnitId, CancellationToken cancellationToken) =>
        handoffs.ListOpenAsync(scopeUnitId, cancellationToken);

    /// <summary>How many members of the scope wait for a staff member.</summary>
    public Task<int> CountWaitingAsync(long scopeUnitId, CancellationToken cancellationToken) =>
        handoffs.CountWaitingAsync(scopeUnitId, cancellationToken);

    /// <summary>A handoff of the scope (open or closed), or null.</summary>
    public Task<HandoffListing?> FindAsync(long handoffId, long scopeUnitId, CancellationToken cancellationToken) =>
        handoffs.FindAsync(handoffId, scopeUnitId, cancellationToken);

    /// <summary>Takes a waiting conversation of the scope. Null when it is not in the scope, someone else holds it, or it is closed.</summary>
    public Task<Handoff?> TakeAsync(long handoffId, long scopeUnitId, string staffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        return handoffs.TakeAsync(handoffId, scopeUnitId, staffId, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Replies in a conversation of the scope (<see cref="HandoffReplyResult.NotFound"/> outside it).</summary>
    public async Task<HandoffReplyResult> ReplyAsync(
        long handoffId, long scopeUnitId, string staffId, string text, CancellationToken cancellationToken) =>
        await handoffs.FindAsync(handoffId, scopeUnitId, cancellationToken) is null
            ? HandoffReplyResult.NotFound
            : await ReplyAsync(handoffId, staffId, text, cancellationToken);

    /// <summary>Hands a conversation of the scope back to the bot. False when it is not in the scope or not open.</summary>
    public async Task<bool> ReleaseAsync(long handoffId, long scopeUnitId, string staffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        var released = await handoffs.ReleaseAsync(handoffId, scopeUnitId, staffId, time.GetUtcNow(), cancellationToken);
        if (released is null)
        {
            return false;
        }

        await NotifyReleasedAsync(released, cancellationToken);
        return true;
    }
}
