namespace Outreach.Content.KnowledgeBase;

public static partial class AnswerEngine
{
    /// <summary>The answer of one entry as this member sees it (her units' own version first); the fallback when it no longer exists.</summary>
    public static AnswerDecision AnswerEntry(KnowledgeSnapshot snapshot, string entryId, AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        var entry = snapshot.FindEntry(entryId, request);
        return entry is null
            ? Fallback(snapshot, 0, english: false) with { Text = snapshot.Texts.Get("entry_not_found") }
            : Answer(snapshot, entry, 1, english: false);
    }
}
