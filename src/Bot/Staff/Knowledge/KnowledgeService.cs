using Microsoft.Extensions.Options;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Channels;
using Outreach.Content.ContentPacks;
using Outreach.Content.Knowledge;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.OrgUnits;
using Outreach.Content.Text;

namespace Outreach.Bot.Staff.Knowledge;

/// <summary>
/// What the bot says, managed by staff (the console's "Kiến thức" and /staff/api/knowledge both call this): entries,
/// hotlines, trusted addresses, screening days and crisis cues of a unit (for its subtree) or of the national baseline;
/// each change a draft that a higher unit approves (<see cref="KnowledgeRules"/>), versioned, comparable and restorable; an
/// approval is in use on every host once it has rebuilt its snapshot (NOTIFY, KnowledgeChangeListener). Tests, previews, the missed
/// questions' actions and sharing are in the other parts of this class.
/// </summary>
public sealed partial class KnowledgeService(
    KnowledgeItemStore items, OrgUnitStore units, CurrentKnowledge knowledge, ContentPackLoader loader,
    Channels.ChannelRegistry channels, ChannelCatalog catalog, IOptions<KnowledgeOptions> options, TimeProvider time)
{
    private const int ListLimit = 300;

    /// <summary>Her units' items and the national ones, and the national pack entries (both filtered by <paramref name="query"/>).</summary>
    public async Task<KnowledgeListing> ListAsync(StaffSession session, string? query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var words = VietnameseText.Fold(query);
        bool Matches(params string?[] texts) => words.Length == 0 || texts.Any(t => VietnameseText.Fold(t).Contains(words, StringComparison.Ordinal));
        var states = (await items.ListAsync(session.Unit.Path, withNational: true, ct))
            .Where(s => Matches([s.Content.Label(s.Item.Kind), s.Item.ItemKey, s.Content.Answer, .. s.Content.Questions]))
            .Take(ListLimit)
            .ToList();
        var snapshot = await knowledge.GetAsync(ct);
        var pack = snapshot.Pack.Entries
            .Where(e => e.OrgUnitId is null && e.Province is null && Matches([e.Id, e.Title, e.Answer, .. e.Questions]))
            .OrderBy(e => e.Topic, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(ListLimit)
            .ToList();
        return new KnowledgeListing(states, pack);
    }

    /// <summary>One item with its versions, what its draft changes, and what she may do with it.</summary>
    public async Task<StaffResult<KnowledgeItemView>> FindAsync(StaffSession session, long id, CancellationToken ct)
    {
        var found = await ScopedAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var (state, unit) = found.Value;
        var versions = await items.VersionsAsync(id, ct);
        var changes = state.Draft is null ? [] : KnowledgeDiff.Between(state.Item.Kind, state.Approved?.Content, state.Draft.Content);
        var approveRefusal = state.Draft is null ? null : KnowledgeRules.ApprovalRefusal(session, unit, state.Draft);
        var names = await items.StaffNamesAsync(
            versions.SelectMany(v => v.EditedBy.Append(v.WrittenBy).Concat(v.DecidedBy is { } d ? [d] : [])), ct);
        return new KnowledgeItemView(
            state, versions, changes, KnowledgeRules.WriteRefusal(session, unit, state.Item.Kind) is null, state.Draft is not null && approveRefusal is null,
            approveRefusal)
        {
            Names = names,
        };
    }

    /// <summary>A new item as a draft for a higher unit to approve.</summary>
    public async Task<StaffResult<KnowledgeSaved>> CreateAsync(StaffSession session, KnowledgeCreateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        if (!KnowledgeKinds.IsKnown(request.Kind))
        {
            return StaffRefusal.Invalid("kind", "Loại nội dung không hợp lệ.");
        }

        OrgUnit? unit = null;
        if (!request.National && (unit = await units.FindAsync(request.OrgUnitId ?? session.Unit.Id, ct)) is null)
        {
            return StaffRefusal.NotFound();
        }

        if (KnowledgeRules.WriteRefusal(session, unit, request.Kind) is { } refusal)
        {
            return StaffRefusal.Forbidden(refusal);
        }

        var content = KnowledgeRules.Normalize(request.Content ?? new KnowledgeContent());
        if (KnowledgeRules.Check(request.Kind, content, Limits(content)) is { Count: > 0 } problems)
        {
            return StaffRefusal.Invalid(problems);
        }

        var warnings = await VariantWarningsAsync(unit, request.Kind, content, ct);
        var (outcome, itemId) = await items.CreateAsync(unit?.Id, request.Kind, content, session.User.Id, ct);
        return outcome == KnowledgeWriteOutcome.DuplicateKey ? Duplicate() : new KnowledgeSaved(itemId, 1, warnings);
    }

    /// <summary>Her edit into the item's draft, when nobody saved it since she loaded <see cref="KnowledgeSaveRequest.Revision"/>.</summary>
    public async Task<StaffResult<KnowledgeSaved>> SaveAsync(StaffSession session, long id, KnowledgeSaveRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await ScopedAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var (state, unit) = found.Value;
        if (KnowledgeRules.WriteRefusal(session, unit, state.Item.Kind) is { } refusal)
        {
            return StaffRefusal.Forbidden(refusal);
        }

        var content = KnowledgeRules.Normalize(request.Content ?? new KnowledgeContent());
        if (KnowledgeRules.Check(state.Item.Kind, content, Limits(content)) is { Count: > 0 } problems)
        {
            return StaffRefusal.Invalid(problems);
        }

        var warnings = await VariantWarningsAsync(unit, state.Item.Kind, content, ct);
        return await items.SaveDraftAsync(id, request.Revision, content, session.User.Id, null, ct) switch
        {
            KnowledgeWriteOutcome.Done => new KnowledgeSaved(id, request.Revision + 1, warnings),
            KnowledgeWriteOutcome.DuplicateKey => Duplicate(),
            _ => await StaleAsync(id, content, ct),
        };
    }

    /// <summary>Puts the draft in use (four eyes: never by who wrote or edited it); this host uses it at once, the others on NOTIFY.</summary>
    public async Task<StaffResult<KnowledgeSaved>> ApproveAsync(StaffSession session, long id, KnowledgeDecisionRequest request, CancellationToken ct)
    {
        var checkedDraft = await DecidableAsync(session, id, request, ct);
        if (!checkedDraft.IsOk)
        {
            return checkedDraft.Refusal;
        }

        var (state, draft) = checkedDraft.Value;
        if (KnowledgeRules.Check(state.Item.Kind, draft.Content, Limits(draft.Content)) is { Count: > 0 } problems)
        {
            return StaffRefusal.Invalid(problems, "Bản nháp chưa đủ để duyệt");
        }

        var (outcome, revision) = await items.ApproveAsync(id, draft.Version, request.Revision, session.User.Id, ct);
        if (outcome != KnowledgeWriteOutcome.Done)
        {
            return await StaleAsync(id, null, ct);
        }

        await loader.ApplyAsync([new KnowledgeApproval(revision, id, draft.Version)], ct);
        return new KnowledgeSaved(id, request.Revision + 1, []);
    }

    /// <summary>Returns the draft to its writers, with the reason (required).</summary>
    public async Task<StaffResult<KnowledgeSaved>> RejectAsync(StaffSession session, long id, KnowledgeDecisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return StaffRefusal.Invalid("note", "Cần ghi lý do trả lại.");
        }

        var checkedDraft = await DecidableAsync(session, id, request, ct);
        if (!checkedDraft.IsOk)
        {
            return checkedDraft.Refusal;
        }

        return await items.RejectAsync(id, request.Version, request.Revision, session.User.Id, request.Note.Trim(), ct) == KnowledgeWriteOutcome.Done
            ? new KnowledgeSaved(id, request.Revision + 1, [])
            : await StaleAsync(id, null, ct);
    }

    /// <summary>An older version back as a new draft (approved like any change).</summary>
    public async Task<StaffResult<KnowledgeSaved>> RestoreAsync(StaffSession session, long id, KnowledgeRestoreRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await ScopedAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var (state, unit) = found.Value;
        if (KnowledgeRules.WriteRefusal(session, unit, state.Item.Kind) is { } refusal)
        {
            return StaffRefusal.Forbidden(refusal);
        }

        var old = (await items.VersionsAsync(id, ct)).FirstOrDefault(v => v.Version == request.Version);
        if (old is null)
        {
            return StaffRefusal.NotFound("Không có phiên bản này.");
        }

        return await items.SaveDraftAsync(id, request.Revision, old.Content, session.User.Id, old.Version, ct) switch
        {
            KnowledgeWriteOutcome.Done => new KnowledgeSaved(id, request.Revision + 1, []),
            KnowledgeWriteOutcome.DuplicateKey => Duplicate(),
            _ => await StaleAsync(id, old.Content, ct),
        };
    }

    /// <summary>Drafts she may decide on, oldest first.</summary>
    public async Task<IReadOnlyList<KnowledgeItemState>> AwaitingApprovalAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var waiting = await items.AwaitingAsync(session.Unit.Path, KnowledgeRules.IsTopAdmin(session), ct);
        var mine = new List<KnowledgeItemState>();
        foreach (var state in waiting)
        {
            var unit = state.Item.OrgUnitId is { } unitId ? await units.FindAsync(unitId, ct) : null;
            if (KnowledgeRules.ApprovalRefusal(session, unit, state.Draft!) is null)
            {
                mine.Add(state);
            }
        }

        return mine;
    }

    // The item and its unit (null: national), when she may see it: her own units' and the national ones.
    private async Task<StaffResult<(KnowledgeItemState State, OrgUnit? Unit)>> ScopedAsync(StaffSession session, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await items.FindAsync(id, ct) is not { } state)
        {
            return StaffRefusal.NotFound();
        }

        if (state.Item.OrgUnitId is not { } unitId)
        {
            return (state, (OrgUnit?)null);
        }

        return await units.FindAsync(unitId, ct) is { } unit && session.Sees(unit) ? (state, unit) : StaffRefusal.NotFound();
    }

    private async Task<StaffResult<(KnowledgeItemState State, KnowledgeVersion Draft)>> DecidableAsync(
        StaffSession session, long id, KnowledgeDecisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await ScopedAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var (state, unit) = found.Value;
        if (state.Draft is not { } draft || draft.Version != request.Version || state.Item.Revision != request.Revision)
        {
            return await StaleAsync(id, null, ct);
        }

        return KnowledgeRules.ApprovalRefusal(session, unit, draft) is { } refusal ? StaffRefusal.Forbidden(refusal) : (state, draft);
    }

    // Someone saved or decided the item after she loaded it: refused, with what differs between the saved draft and hers.
    private async Task<StaffRefusal> StaleAsync(long id, KnowledgeContent? hers, CancellationToken ct)
    {
        var now = await items.FindAsync(id, ct);
        var changes = now is null || hers is null ? [] : KnowledgeDiff.Between(now.Item.Kind, now.Content, hers);
        var detail = changes.Count == 0 ? "" : " Khác biệt giữa bản đã lưu và bản của bạn: "
            + string.Join("; ", changes.Select(c => $"{c.Field}: đã lưu «{c.Before}», của bạn «{c.After}»")) + ".";
        return StaffRefusal.Conflict(
            "Mục đã được thay đổi", "Một cán bộ khác đã lưu hoặc duyệt mục này sau khi bạn mở nó; hãy mở lại để xem bản mới." + detail)
            with
            {
                Problems = changes.ToDictionary(c => c.Field, c => new[] { c.Before, c.After }, StringComparer.Ordinal),
            };
    }

    private static StaffRefusal Duplicate() => StaffRefusal.Conflict(
        "Đã có mục này", "Đơn vị đã có một mục cùng loại với mã (hoặc số, tên) này: hãy sửa mục đó thay vì tạo mới.");
}
