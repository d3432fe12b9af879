using System.Globalization;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Knowledge;
using Outreach.Content.OrgUnits;
using Outreach.Content.Text;

namespace Outreach.Bot.Staff.Knowledge;

/// <summary>
/// The actions of the unanswered-questions queue: a member's message becomes a new way of asking an entry, or a new entry.
/// Both write drafts of her unit's (or <c>orgUnitId</c>'s) items, approved like any change; once approved, matching uses them
/// as soon as each host has rebuilt its snapshot (NOTIFY).
/// </summary>
public sealed partial class KnowledgeService
{
    /// <summary>
    /// Adds <paramref name="text"/> as a question variant of entry <paramref name="entryId"/> for the unit's members: into the
    /// unit's own item of that entry (its draft), or a new item that starts from the entry as the unit's members get it now.
    /// </summary>
    public async Task<StaffResult<KnowledgeSaved>> AddVariantAsync(
        StaffSession session, string entryId, string text, long? orgUnitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(entryId))
        {
            return StaffRefusal.Invalid("text", "Cần câu hỏi và mục để thêm vào.");
        }

        var unit = await units.FindAsync(orgUnitId ?? session.Unit.Id, ct);
        if (unit is null || !session.Sees(unit))
        {
            return StaffRefusal.NotFound();
        }

        if (KnowledgeRules.WriteRefusal(session, unit, KnowledgeKinds.Entry) is { } refusal)
        {
            return StaffRefusal.Forbidden(refusal);
        }

        if (await items.FindIdAsync(unit.Id, KnowledgeKinds.Entry, entryId, ct) is { } itemId && await items.FindAsync(itemId, ct) is { } state)
        {
            var content = state.Content with { Questions = [.. state.Content.Questions, text.Trim()] };
            return await SaveAsync(session, itemId, new KnowledgeSaveRequest(state.Item.Revision, content), ct);
        }

        var snapshot = await knowledge.GetAsync(ct);
        var entry = snapshot.FindEntry(entryId, await MemberRequestAsync(unit, null, ct));
        if (entry is null)
        {
            return StaffRefusal.NotFound("Không có mục này.");
        }

        var copy = new KnowledgeContent
        {
            EntryId = entry.Id, Topic = entry.Topic, Title = entry.Title, Questions = [.. entry.Questions, text.Trim()], Keywords = entry.Keywords,
            Answer = entry.Answer, AnswerEnglish = entry.AnswerEnglish, ValidFrom = entry.ValidFrom, ValidUntil = entry.ValidUntil,
            QuickReplies = entry.QuickReplies
                .Select(q => new QuickReplyContent(q.Title, q.Payload.Replace(Content.KnowledgeBase.AnswerPayloads.EntryPrefix, "", StringComparison.Ordinal)))
                .ToList(),
        };
        return await CreateAsync(session, new KnowledgeCreateRequest(KnowledgeKinds.Entry, unit.Id, false, copy), ct);
    }

    /// <summary>
    /// A draft entry of the unit's from a member's question: the question as its title and first variant, the answer left for
    /// her to write (the draft cannot be approved without one).
    /// </summary>
    public async Task<StaffResult<KnowledgeSaved>> CreateFromQuestionAsync(StaffSession session, string text, long? orgUnitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrWhiteSpace(text))
        {
            return StaffRefusal.Invalid("text", "Cần câu hỏi.");
        }

        OrgUnit? unit = await units.FindAsync(orgUnitId ?? session.Unit.Id, ct);
        if (unit is null || !session.Sees(unit))
        {
            return StaffRefusal.NotFound();
        }

        if (KnowledgeRules.WriteRefusal(session, unit, KnowledgeKinds.Entry) is { } refusal)
        {
            return StaffRefusal.Forbidden(refusal);
        }

        var question = text.Trim();
        var slug = string.Join('-', VietnameseText.Fold(question).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6));
        var content = new KnowledgeContent
        {
            EntryId = $"{(slug.Length > 0 ? slug : "cau-hoi")}-{time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}",
            Topic = "khac", Title = question.Length > 120 ? question[..120] : question, Questions = [question],
        };
        var (outcome, itemId) = await items.CreateAsync(unit.Id, KnowledgeKinds.Entry, content, session.User.Id, ct);
        return outcome == KnowledgeWriteOutcome.DuplicateKey ? Duplicate() : new KnowledgeSaved(itemId, 1, []);
    }
}
