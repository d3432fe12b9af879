using Outreach.Bot.Channels;
using Outreach.Content.Knowledge;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Bot.Staff.Knowledge;

/// <summary>A new item: its kind, its unit (null with <see cref="National"/>: the national baseline) and its content.</summary>
public sealed record KnowledgeCreateRequest(string Kind, long? OrgUnitId, bool National, KnowledgeContent Content);

/// <summary>An edit: the item's revision she loaded (a later save by a colleague refuses this one) and the new content.</summary>
public sealed record KnowledgeSaveRequest(int Revision, KnowledgeContent Content);

/// <summary>A decision on a draft: the version and revision she looked at; a reason when returning it.</summary>
public sealed record KnowledgeDecisionRequest(int Version, int Revision, string? Note);

/// <summary>Restore an older version as a new draft.</summary>
public sealed record KnowledgeRestoreRequest(int Version, int Revision);

/// <summary>
/// The test box: a sample question as a member of <see cref="OrgUnitId"/> (default: her own unit) asks it, now and with
/// <see cref="Draft"/> (of kind <see cref="Kind"/>, for <see cref="DraftUnitId"/> or national) in use.
/// </summary>
public sealed record KnowledgeTestRequest(string Question, long? OrgUnitId)
{
    public string? Kind { get; init; }
    public KnowledgeContent? Draft { get; init; }
    public long? DraftUnitId { get; init; }
    public long? ItemId { get; init; }
}

/// <summary>Which entry a question gets and how sure the engine is.</summary>
public sealed record KnowledgeTestAnswer(string Kind, string? EntryId, string? Title, double Confidence, string Text, bool IsLocal);

/// <summary>The test box's answer: before and (with a draft) after the change.</summary>
public sealed record KnowledgeTestResult(string Question, KnowledgeTestAnswer Before, KnowledgeTestAnswer? After);

/// <summary>A question variant that another entry already has: what the test box gives for it now.</summary>
public sealed record KnowledgeVariantWarning(string Question, string OtherEntryId, string OtherTitle, KnowledgeTestAnswer Now);

/// <summary>What a save, or a check before one, has to say: problems that refuse it and warnings that do not.</summary>
public sealed record KnowledgeCheck(IReadOnlyDictionary<string, string[]> Problems, IReadOnlyList<KnowledgeVariantWarning> Warnings);

/// <summary>An item as staff see it: with its state, the differences its draft makes, and who may do what.</summary>
public sealed record KnowledgeItemView(
    KnowledgeItemState State, IReadOnlyList<KnowledgeVersion> Versions, IReadOnlyList<KnowledgeChange> DraftChanges, bool CanEdit,
    bool CanApprove, string? ApproveRefusal)
{
    /// <summary>Display names of everyone in <see cref="Versions"/> (writers, editors, deciders), by id.</summary>
    public IReadOnlyDictionary<long, string> Names { get; init; } = new Dictionary<long, string>();
}

/// <summary>A saved item, with the warnings its content raised.</summary>
public sealed record KnowledgeSaved(long ItemId, int Revision, IReadOnlyList<KnowledgeVariantWarning> Warnings);

/// <summary>The list page: her units' items and national ones, and the pack's entries she may override.</summary>
public sealed record KnowledgeListing(IReadOnlyList<KnowledgeItemState> Items, IReadOnlyList<KnowledgeEntry> PackEntries);

/// <summary>The preview of an answer on each channel, as a member's phone shows it.</summary>
public sealed record KnowledgePreview(IReadOnlyList<ChannelPreview> Channels);

/// <summary>An import: how many drafts were written (nothing, with <see cref="Error"/>, when the file is refused).</summary>
public sealed record KnowledgeImportResult(int Drafts, int Unchanged, int Skipped);
