namespace Outreach.Content.Knowledge;

/// <summary>
/// Something staff manage in the knowledge base: an entry, a hotline, a trusted address, a screening day or a crisis cue group.
/// <see cref="OrgUnitId"/> null edits the national baseline (the shipped pack); otherwise it applies to that unit's subtree.
/// <see cref="Revision"/> grows with every save and decision: a save made from an older revision is refused.
/// </summary>
public sealed record KnowledgeItem(
    long Id, long? OrgUnitId, string Kind, string? ItemKey, int? CurrentVersion, int Revision, long CreatedBy, DateTimeOffset CreatedAt);

/// <summary>One version of an item's content: a draft waiting for approval, the approved one in use, or an older one.</summary>
public sealed record KnowledgeVersion(
    long ItemId, int Version, KnowledgeContent Content, string Status, long WrittenBy, DateTimeOffset WrittenAt, IReadOnlyList<long> EditedBy,
    long? DecidedBy, DateTimeOffset? DecidedAt, string? Note, int? Restores)
{
    /// <summary>Everyone who wrote or edited this version: none of them approves it (four eyes).</summary>
    public IReadOnlySet<long> Writers => EditedBy.Append(WrittenBy).ToHashSet();
}

/// <summary>An item with its version in use and its open draft (either may be missing), and the unit's path ('/1/5/').</summary>
public sealed record KnowledgeItemState(KnowledgeItem Item, string? UnitPath, string? UnitName, KnowledgeVersion? Approved, KnowledgeVersion? Draft)
{
    /// <summary>The content staff see first: the draft when there is one, else the approved version.</summary>
    public KnowledgeContent Content => (Draft ?? Approved)!.Content;
}

/// <summary>The kinds of item.</summary>
public static class KnowledgeKinds
{
    public const string Entry = "entry";
    public const string Hotline = "hotline";
    public const string Address = "address";
    public const string Screening = "screening";
    public const string Crisis = "crisis";

    public static readonly IReadOnlyList<string> All = [Entry, Hotline, Address, Screening, Crisis];

    public static bool IsKnown(string? kind) => kind is Entry or Hotline or Address or Screening or Crisis;

    /// <summary>The Vietnamese name staff read.</summary>
    public static string Name(string kind) => kind switch
    {
        Entry => "Câu hỏi – trả lời",
        Hotline => "Đường dây nóng",
        Address => "Địa chỉ tin cậy",
        Screening => "Ngày khám sàng lọc",
        Crisis => "Dấu hiệu khẩn cấp",
        _ => kind,
    };
}

/// <summary>The statuses of a version.</summary>
public static class KnowledgeVersionStatuses
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Replaced = "replaced";

    public static string Name(string status) => status switch
    {
        Draft => "Chờ duyệt",
        Approved => "Đang dùng",
        Rejected => "Bị trả lại",
        Replaced => "Bản cũ",
        _ => status,
    };
}
