using System.Globalization;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Reach;
using Outreach.Content.ContentPacks;
using Outreach.Content.Knowledge;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.OrgUnits;

namespace Outreach.Bot.Staff.Knowledge;

/// <summary>
/// Sharing (issue 14.4): the knowledge her unit's members get, exported in the pack's format (a .zip of its YAML files), and
/// such a file imported as drafts of her unit's (what differs from what her members get now), all or nothing.
/// </summary>
public sealed partial class KnowledgeService
{
    private const int MaxProblemsShown = 10;

    /// <summary>Everything a member of her unit gets (the pack with her units' changes), as a pack .zip.</summary>
    public async Task<ReportFile> ExportAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var export = await EffectiveAsync(session.Unit, ct);
        var bytes = KnowledgePackFiles.Write(export, options.Value.PackDirectory);
        var day = VietnamClock.Today(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ReportFile(new MemoryStream(bytes), "application/zip", $"kien-thuc-{session.Unit.Code ?? session.Unit.Id.ToString(CultureInfo.InvariantCulture)}-{day}.zip");
    }

    /// <summary>
    /// A pack .zip as drafts of her unit's: each entry, hotline, address or screening day that differs from what her members
    /// get now (crisis cues only for the top unit's admins; entries that start a dialog are left as shipped). A broken file,
    /// an unknown field or an invalid item refuses the whole file and writes nothing.
    /// </summary>
    public async Task<StaffResult<KnowledgeImportResult>> ImportAsync(StaffSession session, Stream? file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (file is null)
        {
            return StaffRefusal.Invalid("file", "Cần chọn tệp .zip của gói nội dung.");
        }

        if (KnowledgeRules.WriteRefusal(session, session.Unit, KnowledgeKinds.Entry) is { } refusal)
        {
            return StaffRefusal.Forbidden(refusal);
        }

        ContentPack pack;
        try
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, ct);
            copy.Position = 0;
            pack = KnowledgePackFiles.Read(copy);
        }
        catch (ContentPackException ex)
        {
            return StaffRefusal.Invalid("file", ex.Message, "Không nhập được tệp");
        }

        var current = await EffectiveAsync(session.Unit, ct);
        var (drafts, unchanged, skipped) = Differences(session, pack, current);
        var problems = drafts
            .SelectMany(d => KnowledgeRules.Check(d.Kind, d.Content, Limits(d.Content)).Values.SelectMany(p => p)
                .Select(p => $"{KnowledgeKinds.Name(d.Kind)} '{d.Content.Label(d.Kind)}': {p}"))
            .ToList();
        if (problems.Count > 0)
        {
            return StaffRefusal.Invalid(
                "file", "Tệp có nội dung chưa hợp lệ, chưa nhập gì: " + string.Join(" ", problems.Take(MaxProblemsShown)), "Không nhập được tệp");
        }

        var written = drafts.Count == 0 ? 0 : await items.ImportDraftsAsync(drafts, session.User.Id, ct);
        return new KnowledgeImportResult(written, unchanged, skipped);
    }

    private static (List<(long? UnitId, string Kind, KnowledgeContent Content)> Drafts, int Unchanged, int Skipped) Differences(
        StaffSession session, ContentPack pack, KnowledgeExport current)
    {
        var drafts = new List<(long? UnitId, string Kind, KnowledgeContent Content)>();
        var unchanged = 0;
        var skipped = 0;
        void Compare(string kind, IEnumerable<KnowledgeContent> incoming, IEnumerable<KnowledgeContent> now)
        {
            var byKey = now.GroupBy(c => c.KeyFor(kind) ?? "").ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var content in incoming.Select(KnowledgeRules.Normalize))
            {
                if (byKey.TryGetValue(content.KeyFor(kind) ?? "", out var same) && KnowledgeDiff.Between(kind, KnowledgeRules.Normalize(same), content).Count == 0)
                {
                    unchanged++;
                }
                else
                {
                    drafts.Add((session.Unit.Id, kind, content));
                }
            }
        }

        skipped += pack.Entries.Count(e => e.Action is not null);
        Compare(KnowledgeKinds.Entry, pack.Entries.Where(e => e.Action is null).Select(Of), current.Entries.Select(Of));
        Compare(KnowledgeKinds.Hotline, pack.Hotlines.Select(Of), current.Hotlines.Select(Of));
        Compare(KnowledgeKinds.Address, pack.Addresses.Select(Of), current.Addresses.Select(Of));
        Compare(KnowledgeKinds.Screening, pack.Screenings.Select(Of), current.Screenings.Select(Of));
        foreach (var (group, cues) in pack.Crisis.Groups)
        {
            if (current.CrisisGroups.TryGetValue(group, out var now) && now.SequenceEqual(cues))
            {
                continue;
            }

            if (KnowledgeRules.IsTopAdmin(session))
            {
                drafts.Add((null, KnowledgeKinds.Crisis, new KnowledgeContent { Group = group, Cues = cues }));
            }
            else
            {
                skipped++;
            }
        }

        return (drafts, unchanged, skipped);
    }

    // What a member of this unit gets: for each entry id her deepest unit's own entry, else her province's, else the national one.
    private async Task<KnowledgeExport> EffectiveAsync(OrgUnit unit, CancellationToken ct)
    {
        var snapshot = await knowledge.GetAsync(ct);
        var ask = await MemberRequestAsync(unit, null, ct);
        var path = ask.UnitPath.ToList();
        int Rank(long? unitId, string? province) => unitId is { } id ? (path.IndexOf(id) is >= 0 and var at ? at : -1)
            : province is null ? path.Count + 1
            : province == ask.Province ? path.Count : -1;
        var entries = snapshot.Pack.Entries
            .Select(e => (Entry: e, Rank: Rank(e.OrgUnitId, e.Province)))
            .Where(e => e.Rank >= 0)
            .GroupBy(e => e.Entry.Id, StringComparer.Ordinal)
            .Select(g => g.MinBy(e => e.Rank).Entry)
            .ToList();
        return new KnowledgeExport(
            entries,
            snapshot.Pack.Hotlines.Where(h => Rank(h.OrgUnitId, h.Province) >= 0).ToList(),
            snapshot.Pack.Addresses.Where(a => Rank(a.OrgUnitId, a.Province) >= 0).ToList(),
            snapshot.Pack.Screenings.Where(s => Rank(s.OrgUnitId, s.Province) >= 0).ToList(),
            snapshot.Pack.Crisis.Groups);
    }

    private static KnowledgeContent Of(KnowledgeEntry e) => new()
    {
        EntryId = e.Id, Topic = e.Topic, Title = e.Title, Questions = e.Questions, Keywords = e.Keywords, Answer = e.Answer,
        AnswerEnglish = e.AnswerEnglish, ValidFrom = e.ValidFrom, ValidUntil = e.ValidUntil,
        QuickReplies = e.QuickReplies.Select(q => new QuickReplyContent(q.Title, q.Payload.StartsWith(AnswerPayloads.EntryPrefix, StringComparison.Ordinal)
            ? q.Payload[AnswerPayloads.EntryPrefix.Length..] : q.Payload)).ToList(),
    };

    private static KnowledgeContent Of(Hotline h) => new() { Number = h.Number, Name = h.Name, Description = h.Description, Hours = h.Hours };

    private static KnowledgeContent Of(CommunityAddress a) => new() { Name = a.Name, Commune = a.Commune, Address = a.Address, Phone = a.Phone };

    private static KnowledgeContent Of(ScreeningEvent s) => new()
    {
        Date = s.Date, EndDate = s.EndDate, Place = s.Place, Commune = s.Commune, Who = s.Who, Note = s.Note,
    };
}
