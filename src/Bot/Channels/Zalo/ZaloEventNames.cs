namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// Webhook <c>event_name</c>s Outreach acts on (PLATFORM-ZALO.md §2.6) and how each is routed. Everything else (our own
/// <c>oa_send_*</c> echoes, tags, group chats, anonymous visitors, ZNS admin…) is acknowledged and ignored.
/// </summary>
public static class ZaloEventNames
{
    public const string UserSendPrefix = "user_send_";
    public const string Follow = "follow";
    public const string Unfollow = "unfollow";
    public const string UserClickChatNow = "user_click_chatnow";
    public const string UserSubmitInfo = "user_submit_info";
    public const string UserReceivedMessage = "user_received_message";
    public const string UserSeenMessage = "user_seen_message";
    public const string OaSendPrefix = "oa_send_";

    // Group chats (paid tier) also start with "user_send_": not a 1:1 conversation with the OA.
    private const string UserSendGroupPrefix = "user_send_group_";

    /// <summary>True for events we store and turn into activities.</summary>
    public static bool IsHandled(string eventName) => eventName switch
    {
        Follow or Unfollow or UserClickChatNow or UserSubmitInfo or UserReceivedMessage or UserSeenMessage => true,
        _ => IsMemberMessage(eventName),
    };

    /// <summary>A member's message: <c>user_send_text</c> and the media family (image, gif, link, audio, video, sticker, location, file…).</summary>
    public static bool IsMemberMessage(string eventName) =>
        eventName.StartsWith(UserSendPrefix, StringComparison.Ordinal) && !eventName.StartsWith(UserSendGroupPrefix, StringComparison.Ordinal);

    /// <summary>
    /// An <c>oa_send_*</c> echo an OA admin typed in Zalo's OA Chat (its <c>sender.admin_id</c> is set; ours never carry one):
    /// a person took the conversation over, so it is stored and the bot goes quiet for her.
    /// </summary>
    public static bool IsAdminEcho(string eventName, string? adminId) =>
        eventName.StartsWith(OaSendPrefix, StringComparison.Ordinal) && !string.IsNullOrEmpty(adminId);

    /// <summary>Events whose <c>sender</c> is the OA and <c>recipient</c> the member: our echoes and the receipts (§2.4).</summary>
    public static bool IsSentByOa(string eventName) =>
        eventName is UserReceivedMessage or UserSeenMessage || eventName.StartsWith(OaSendPrefix, StringComparison.Ordinal);
}
