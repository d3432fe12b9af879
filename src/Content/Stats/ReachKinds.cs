namespace Outreach.Content.Stats;

/// <summary>
/// What can happen to a broadcast once it left us, in funnel order. Each is counted two ways, always labelled: lượt (every
/// event) and người (unique members; a member is one contact, i.e. one account on one channel).
/// </summary>
public static class ReachKinds
{
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Clicked = "clicked";
    public const string Replied = "replied";
    public const string Unsubscribed = "unsubscribed";

    /// <summary>Every kind, in the order reports show them.</summary>
    public static IReadOnlyList<string> All { get; } = [Sent, Delivered, Read, Clicked, Replied, Unsubscribed];

    /// <summary>
    /// Kinds a delivery reaches at most once (its status only moves forward), so per broadcast their lượt are also people.
    /// The others a member can repeat (two clicks, three replies).
    /// </summary>
    public static IReadOnlyList<string> OncePerDelivery { get; } = [Sent, Delivered, Read];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);

    /// <summary>The Vietnamese label staff read.</summary>
    public static string Label(string kind) => kind switch
    {
        Sent => "Đã gửi",
        Delivered => "Đã nhận",
        Read => "Đã xem",
        Clicked => "Bấm liên kết",
        Replied => "Trả lời",
        Unsubscribed => "Hủy nhận tin",
        _ => kind,
    };
}
