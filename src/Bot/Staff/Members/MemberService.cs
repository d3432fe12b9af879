using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Reach;
using Outreach.Content.Channels;
using Outreach.Content.Contacts;
using Outreach.Content.Members;
using Outreach.Content.Staff;
using Outreach.Content.Targets;
using Outreach.Content.Text;
using Outreach.Content.Time;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Members;

/// <summary>
/// The members of a staff member's subtree (members with no unit belong to top-level units): a filtered list, counts per
/// unit, one member, moving her to another unit of the subtree (anyone but viewers; audited), the list as .xlsx, and erasing
/// her on request (admins only; audited). A member or a unit outside the subtree does not exist for her (404).
/// </summary>
public sealed class MemberService(MemberStore members, UnitTreeStore tree, ChannelCatalog channels, TimeProvider time)
{
    /// <summary>Members per page of the list.</summary>
    public const int PageSize = 50;

    /// <summary>The most rows an export holds (a larger selection is refused: narrow the filter).</summary>
    public const int MaxExport = 100_000;

    private static readonly string[] Statuses = [ContactStatuses.Active, ContactStatuses.Unfollowed, ContactStatuses.Blocked, ContactStatuses.Erased];

    /// <summary>Why she may not move members (viewers only read), or null.</summary>
    public static string? MoveRefusal(StaffSession session) =>
        (session ?? throw new ArgumentNullException(nameof(session))).User.Role == StaffRoles.Viewer
            ? "Tài khoản người xem chỉ được xem danh sách hội viên."
            : null;

    /// <summary>Why she may not erase members (admins only), or null.</summary>
    public static string? EraseRefusal(StaffSession session) =>
        (session ?? throw new ArgumentNullException(nameof(session))).User.Role == StaffRoles.Admin
            ? null
            : "Chỉ quản trị viên mới xóa dữ liệu của hội viên.";

    /// <summary>A page of her members matching <paramref name="query"/>, most recently active first.</summary>
    public async Task<StaffResult<MemberListing>> ListAsync(StaffSession session, MemberQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = await FilterAsync(session, query, ct);
        if (!filter.IsOk)
        {
            return filter.Refusal;
        }

        var page = Math.Max(1, query.Page ?? 1);
        var found = await members.ListAsync(session.Unit.Id, filter.Value, time.GetUtcNow(), (page - 1) * PageSize, PageSize, ct);
        return new MemberListing(found, query, page, PageSize);
    }

    /// <summary>Active members per unit of her subtree, and those with no unit (top-level units only).</summary>
    public Task<MemberCounts> CountsAsync(StaffSession session, CancellationToken ct) =>
        members.CountsAsync((session ?? throw new ArgumentNullException(nameof(session))).Unit.Id, ct);

    /// <summary>One member of her subtree (erased ones too: their page says so).</summary>
    public async Task<StaffResult<MemberRow>> FindAsync(StaffSession session, long contactId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = time.GetUtcNow();
        var found = await members.ListAsync(session.Unit.Id, new MemberFilter { ContactId = contactId }, now, 0, 1, ct);
        if (found.Rows.Count == 0)
        {
            found = await members.ListAsync(session.Unit.Id, new MemberFilter { ContactId = contactId, Status = ContactStatuses.Erased }, now, 0, 1, ct);
        }

        return found.Rows.Count == 1 ? found.Rows[0] : StaffRefusal.NotFound(MemberOutcome.NotFound.Error!);
    }

    /// <summary>Moves a member of her subtree to an active unit of it (audited: who, when, from, to).</summary>
    public async Task<StaffResult<MemberRow>> MoveAsync(StaffSession session, long contactId, long? unitId, CancellationToken ct)
    {
        var member = await FindAsync(session, contactId, ct);
        if (!member.IsOk)
        {
            return member.Refusal;
        }

        if (MoveRefusal(session) is { } reason)
        {
            return StaffRefusal.Forbidden(reason);
        }

        if (unitId is not { } target)
        {
            return StaffRefusal.Invalid("unitId", "Chọn đơn vị mới của hội viên.");
        }

        if (await tree.FindAsync(session.Unit.Id, target, ct) is null)
        {
            return StaffRefusal.NotFound(UnitTreeMessages.NotFound);
        }

        var outcome = await members.MoveAsync(session.User.Id, session.Unit.Id, contactId, target, ct);
        return outcome.Status switch
        {
            MemberOutcomeStatus.Done => await FindAsync(session, contactId, ct),
            MemberOutcomeStatus.NotFound => StaffRefusal.NotFound(outcome.Error!),
            _ => StaffRefusal.Invalid("unitId", outcome.Error!, "Không chuyển được hội viên"),
        };
    }

    /// <summary>
    /// Erases a member of her subtree on the member's request (admins only): her messages, name and platform id go; her reach
    /// stays as anonymous numbers. Audited without her name. Erasing an erased member again changes nothing.
    /// </summary>
    public async Task<StaffResult<bool>> EraseAsync(StaffSession session, long contactId, CancellationToken ct)
    {
        var member = await FindAsync(session, contactId, ct);
        if (!member.IsOk)
        {
            return member.Refusal;
        }

        if (EraseRefusal(session) is { } reason)
        {
            return StaffRefusal.Forbidden(reason);
        }

        var outcome = await members.EraseAsync(session.User.Id, session.Unit.Id, contactId, ct);
        return outcome.IsDone ? true : StaffRefusal.NotFound(outcome.Error!);
    }

    /// <summary>Every member matching <paramref name="query"/> as .xlsx (at most <see cref="MaxExport"/>).</summary>
    public async Task<StaffResult<ReportFile>> ExportAsync(StaffSession session, MemberQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = await FilterAsync(session, query, ct);
        if (!filter.IsOk)
        {
            return filter.Refusal;
        }

        var now = time.GetUtcNow();
        var rows = new List<MemberRow>();
        const int batch = 5000;
        while (true)
        {
            var found = await members.ListAsync(session.Unit.Id, filter.Value, now, rows.Count, batch, ct);
            if (found.Total > MaxExport)
            {
                return StaffRefusal.Invalid("filter",
                    $"Có {VietnameseFormat.Number(found.Total)} hội viên khớp bộ lọc, quá {VietnameseFormat.Number(MaxExport)} dòng của một lần xuất; hãy lọc theo đơn vị hoặc kênh.");
            }

            rows.AddRange(found.Rows);
            if (found.Rows.Count < batch || rows.Count >= found.Total)
            {
                break;
            }
        }

        var buffer = new MemoryStream();
        await MemberSheetWriter.WriteAsync(buffer, rows, channels, ct);
        buffer.Position = 0;
        var day = VietnameseFormat.Day(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new ReportFile(buffer, ReportFile.Xlsx, $"hoi-vien-{day}.xlsx");
    }

    // The typed filters as the store's, each wrong field with its message; a unit outside her subtree is not found.
    private async Task<StaffResult<MemberFilter>> FilterAsync(StaffSession session, MemberQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var problems = new Dictionary<string, string[]>();
        var channel = string.IsNullOrWhiteSpace(query.Channel) ? null : query.Channel.Trim();
        if (channel is not null && !channels.Contains(channel))
        {
            problems["channel"] = [$"Kênh là một trong: {string.Join(", ", channels.All.Select(c => c.Name))}."];
        }

        var status = string.IsNullOrWhiteSpace(query.Status) ? null : query.Status.Trim();
        if (status is not null && !Statuses.Contains(status))
        {
            problems["status"] = [$"Tình trạng là một trong: {string.Join(", ", Statuses)}."];
        }

        bool? window = query.Window?.Trim() switch
        {
            null or "" => null,
            "open" => true,
            "closed" => false,
            _ => Problem(problems, "window", "Cửa sổ nhắn tin là 'open' (đang nhắn được) hoặc 'closed'."),
        };
        var joinedFrom = Day(problems, "joinedFrom", query.JoinedFrom);
        var joinedUntil = Day(problems, "joinedUntil", query.JoinedUntil);
        var lastFrom = Day(problems, "lastFrom", query.LastFrom);
        var lastUntil = Day(problems, "lastUntil", query.LastUntil);
        if (joinedFrom > joinedUntil)
        {
            problems["joinedUntil"] = ["Ngày tham gia 'đến' không được trước ngày 'từ'."];
        }

        if (lastFrom > lastUntil)
        {
            problems["lastUntil"] = ["Ngày tương tác 'đến' không được trước ngày 'từ'."];
        }

        var name = query.Name?.Trim();
        if (name is { Length: > 200 })
        {
            problems["name"] = ["Tên tìm kiếm dài quá 200 ký tự."];
        }

        if (problems.Count > 0)
        {
            return StaffRefusal.Invalid(problems);
        }

        if (query.UnitId is { } unitId && await tree.FindAsync(session.Unit.Id, unitId, ct) is null)
        {
            return StaffRefusal.NotFound(UnitTreeMessages.NotFound);
        }

        // A topic by its Vietnamese name ("Hoạt động Hội", "hoat dong hoi") or its code ("union").
        var asked = query.Topics?.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var topics = new List<string>();
        if (asked is { Count: > 0 })
        {
            var known = await members.TopicsAsync(ct);
            foreach (var typed in asked)
            {
                var folded = VietnameseText.Fold(typed);
                if (known.FirstOrDefault(t => t.Code == typed || VietnameseText.Fold(t.Name) == folded) is { } topic)
                {
                    topics.Add(topic.Code);
                }
                else
                {
                    return StaffRefusal.Invalid("topic",
                        $"Không có chủ đề \"{typed}\". Chọn một trong: {string.Join("; ", known.Select(t => t.Name))}.");
                }
            }
        }

        return new MemberFilter
        {
            Name = string.IsNullOrEmpty(name) ? null : name,
            Channel = channel,
            UnitId = query.UnitId,
            Topics = topics is { Count: > 0 } ? topics : null,
            JoinedFrom = Start(joinedFrom),
            JoinedUntil = Start(joinedUntil?.AddDays(1)),
            LastInteractionFrom = Start(lastFrom),
            LastInteractionUntil = Start(lastUntil?.AddDays(1)),
            WindowOpen = window,
            Status = status,
        };
    }

    private static DateTimeOffset? Start(DateOnly? day) => day is { } d ? VietnamTime.FromLocal(d, TimeOnly.MinValue) : null;

    private static DateOnly? Day(Dictionary<string, string[]> problems, string field, string? text)
    {
        if (MemberQueryDays.TryParse(text, out var day))
        {
            return day;
        }

        problems[field] = [$"'{text}' không phải là ngày (dd/MM/yyyy)."];
        return null;
    }

    private static bool? Problem(Dictionary<string, string[]> problems, string field, string message)
    {
        problems[field] = [message];
        return null;
    }
}
