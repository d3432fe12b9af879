using System.Globalization;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Unanswered;

namespace Outreach.Bot.Staff.Knowledge;

/// <summary>
/// The unanswered-questions queue's two knowledge actions, done by <see cref="KnowledgeService"/>: drafts of the staff member's
/// own unit, approved like any change. The key returned is the draft item's id (its page: <c>/staff/knowledge/{id}</c>).
/// </summary>
public sealed class KnowledgeDrafts(KnowledgeService knowledge) : IKnowledgeDrafts
{
    public bool IsAvailable => true;

    public async Task<StaffResult<string>> AttachVariantAsync(string entryKey, string text, StaffSession staff, CancellationToken cancellationToken) =>
        (await knowledge.AddVariantAsync(staff, entryKey, text, null, cancellationToken)).Then(Key);

    public async Task<StaffResult<string>> CreateEntryAsync(string text, StaffSession staff, CancellationToken cancellationToken) =>
        (await knowledge.CreateFromQuestionAsync(staff, text, null, cancellationToken)).Then(Key);

    private static string Key(KnowledgeSaved saved) => saved.ItemId.ToString(CultureInfo.InvariantCulture);
}
