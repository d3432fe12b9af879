using Outreach.Bot.Staff.Auth;
using Outreach.Content.Knowledge;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.OrgUnits;
using Outreach.Content.Text;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Staff.Knowledge;

public sealed partial class KnowledgeService
{
    /// <summary>The answer as each channel shows it (Messenger's quick replies, Zalo's numbered choices), by the code that sends it.</summary>
    public KnowledgePreview Preview(KnowledgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var message = new OutboundMessage
        {
            Channel = "preview", AccountId = "preview", RecipientId = "preview", Text = content.Answer ?? "",
            QuickReplies = content.QuickReplies.Select(q => new QuickReply(q.Title, AnswerPayloads.Entry(q.Entry))).ToList(),
        };
        return new KnowledgePreview(catalog.Offered
            .Select(channel => channels.Find(channel)?.Preview(message with { Channel = channel }))
            .OfType<Channels.ChannelPreview>()
            .ToList());
    }

    /// <summary>The test box: which entry, with what confidence, a member of the unit gets for the question now and with the draft.</summary>
    public async Task<StaffResult<KnowledgeTestResult>> TestAsync(StaffSession session, KnowledgeTestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            return StaffRefusal.Invalid("question", "Cần nhập câu hỏi để thử.");
        }

        var unit = await units.FindAsync(request.OrgUnitId ?? session.Unit.Id, ct);
        if (unit is null || !session.Sees(unit))
        {
            return StaffRefusal.NotFound();
        }

        var snapshot = await knowledge.GetAsync(ct);
        var ask = await MemberRequestAsync(unit, request.Question.Trim(), ct);
        var before = Describe(snapshot, AnswerEngine.Decide(snapshot, ask));
        KnowledgeTestAnswer? after = null;
        if (request.Draft is { } draft && (request.Kind ?? KnowledgeKinds.Entry) == KnowledgeKinds.Entry)
        {
            string? oldId = null;
            if (request.ItemId is { } itemId && await items.FindAsync(itemId, ct) is { } state)
            {
                oldId = state.Approved?.Content.EntryId;
            }

            var changed = WithDraft(snapshot, request.DraftUnitId, KnowledgeRules.Normalize(draft), oldId);
            after = Describe(changed, AnswerEngine.Decide(changed, ask));
        }

        return new KnowledgeTestResult(request.Question.Trim(), before, after);
    }

    /// <summary>What saving this content would say (problems that refuse it, warnings that do not), without saving: the preview's check.</summary>
    public async Task<KnowledgeCheck> CheckAsync(StaffSession session, string kind, long? unitId, KnowledgeContent content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(content);
        var unit = unitId is { } id ? await units.FindAsync(id, ct) : null;
        var normalized = KnowledgeRules.Normalize(content);
        return new KnowledgeCheck(KnowledgeRules.Check(kind, normalized, Limits(normalized)), await VariantWarningsAsync(unit, kind, normalized, ct));
    }

    // Each channel's display name and text limit, read from its preview (so the limits are the senders' own).
    private List<(string Channel, int Limit)> Limits(KnowledgeContent content) =>
        Preview(content).Channels.Select(p => (catalog.DisplayName(p.Channel), p.Limit)).ToList();

    // Variants of the entry that another entry her members may get already has (the same words, accents and case aside).
    private async Task<List<KnowledgeVariantWarning>> VariantWarningsAsync(OrgUnit? unit, string kind, KnowledgeContent content, CancellationToken ct)
    {
        if (kind != KnowledgeKinds.Entry || content.Questions.Count == 0)
        {
            return [];
        }

        var snapshot = await knowledge.GetAsync(ct);
        var ask = unit is null ? new AnswerRequest(null, null, VietnamClock.Today(time)) : await MemberRequestAsync(unit, null, ct);
        var mask = snapshot.EligibleMask(ask);
        var wanted = content.Questions.ToDictionary(q => VietnameseText.Fold(q), q => q, StringComparer.Ordinal);
        var warnings = new List<KnowledgeVariantWarning>();
        var entries = snapshot.Index.Entries;
        for (var position = 0; position < entries.Count; position++)
        {
            var entry = entries[position];
            if (!mask[position] || entry.Id == content.EntryId)
            {
                continue;
            }

            foreach (var question in entry.Questions)
            {
                if (wanted.Remove(VietnameseText.Fold(question), out var mine))
                {
                    var now = Describe(snapshot, AnswerEngine.Decide(snapshot, ask with { Text = mine }));
                    warnings.Add(new KnowledgeVariantWarning(mine, entry.Id, entry.Title, now));
                }
            }
        }

        return warnings;
    }

    // The engine's request for a member of this unit: her province, her units' codes and ids (as MemberContext builds them).
    private async Task<AnswerRequest> MemberRequestAsync(OrgUnit unit, string? text, CancellationToken ct)
    {
        var ancestry = await units.GetAncestryAsync(unit.Id, ct);
        var province = ancestry.FirstOrDefault(u => u.Level == "tinh")?.Code ?? options.Value.DefaultProvince;
        return new AnswerRequest(text, province, VietnamClock.Today(time))
        {
            OrgUnits = ancestry.Reverse().Where(u => u.Code is not null).Select(u => u.Code!).ToList(),
            UnitPath = ancestry.Reverse().Select(u => u.Id).ToList(),
        };
    }

    // The snapshot as it would be with this entry draft approved (the item's own previous entry taken out).
    private static KnowledgeSnapshot WithDraft(KnowledgeSnapshot snapshot, long? unitId, KnowledgeContent draft, string? oldId)
    {
        bool Replaced(KnowledgeEntry e) =>
            (e.Id == draft.EntryId || e.Id == oldId) && (unitId is null ? e.OrgUnitId is null && e.Province is null : e.OrgUnitId == unitId);
        var entries = snapshot.Pack.Entries.Where(e => !Replaced(e)).ToList();
        if (draft.Active && draft.EntryId is not null)
        {
            entries.Add(KnowledgeMerge.ToEntry(draft, unitId));
        }

        // Built from the snapshot in use: only the draft is read, the other entries' terms (and most posting lists) are shared.
        return KnowledgeSnapshot.Build(snapshot.Pack with { Entries = entries }, snapshot.Version, snapshot.Index.Options, snapshot);
    }

    private static KnowledgeTestAnswer Describe(KnowledgeSnapshot snapshot, AnswerDecision decision)
    {
        var entry = decision.EntryId is null ? null : snapshot.Index.Entries.FirstOrDefault(e => e.Id == decision.EntryId && e.Answer == decision.Text)
            ?? snapshot.Index.Entries.FirstOrDefault(e => e.Id == decision.EntryId);
        var kind = decision.Kind switch
        {
            AnswerKind.Crisis => "Khẩn cấp (đường dây nóng trước)",
            AnswerKind.Answer => "Trả lời",
            AnswerKind.Suggestions => "Gợi ý để chọn",
            _ => "Chưa hiểu (trả lời mặc định)",
        };
        return new KnowledgeTestAnswer(kind, decision.EntryId, entry?.Title, decision.Confidence, decision.FullText, entry?.OrgUnitId is not null);
    }
}
