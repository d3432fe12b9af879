using Outreach.Bot.Staff.Auth;

namespace Outreach.Bot.Staff.Unanswered;

/// <summary>
/// Turning a missed question into knowledge: a new way of asking an existing entry, or a new entry drafted from it. The
/// editable knowledge base implements this (its drafts then go through its own approval); the queue only calls it. Both
/// return the key of the entry changed or created, or why not (the knowledge service's own refusal).
/// </summary>
public interface IKnowledgeDrafts
{
    /// <summary>False while no knowledge service is wired in: the page then says so instead of offering the actions.</summary>
    bool IsAvailable { get; }

    /// <summary>Adds <paramref name="text"/> as a question variant of the entry <paramref name="entryKey"/> (a draft change).</summary>
    Task<StaffResult<string>> AttachVariantAsync(string entryKey, string text, StaffSession staff, CancellationToken cancellationToken);

    /// <summary>Starts a new entry (a draft) whose first question is <paramref name="text"/>; returns its key.</summary>
    Task<StaffResult<string>> CreateEntryAsync(string text, StaffSession staff, CancellationToken cancellationToken);
}
