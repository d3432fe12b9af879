namespace Outreach.Bot.Core;

/// <summary>Activity types (Bot Builder's names).</summary>
public static class ActivityTypes
{
    /// <summary>Text and/or attachments from a member, a quick-reply tap, or a reply of ours.</summary>
    public const string Message = "message";

    /// <summary>Something happened that is not a message; <see cref="Activity.Name"/> says what.</summary>
    public const string Event = "event";

    /// <summary>A member joined or left the conversation (follow, unfollow, get started).</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>A typing indicator (outbound sender action).</summary>
    public const string Typing = "typing";
}

/// <summary>Names of event activities.</summary>
public static class ActivityNames
{
    /// <summary>A postback button or persistent-menu tap; <see cref="Activity.Value"/> holds the payload.</summary>
    public const string Postback = "postback";

    /// <summary>The "Get started" button or Zalo's "Nhắn tin" (first contact).</summary>
    public const string GetStarted = "getStarted";

    public const string Follow = "follow";

    public const string Unfollow = "unfollow";

    /// <summary>Our messages reached the member's device.</summary>
    public const string Delivery = "delivery";

    /// <summary>The member read our messages.</summary>
    public const string Read = "read";

    /// <summary>The member arrived through a link or an ad with a ref.</summary>
    public const string Referral = "referral";

    /// <summary>The member opted in (plugin or notification opt-in).</summary>
    public const string OptIn = "optin";

    /// <summary>The member submitted a form (Zalo request_user_info).</summary>
    public const string SubmitInfo = "submitInfo";

    /// <summary>A reaction to one of our messages.</summary>
    public const string Reaction = "reaction";

    /// <summary>Thread control moved between apps (Messenger handover).</summary>
    public const string Handover = "handover";

    /// <summary>
    /// A person answered the member on the platform itself (Meta Business Suite's Page Inbox, Zalo OA Chat) or another app took
    /// the thread: the bot stays silent for her until <see cref="HumanRelease"/> or the quiet time passes.
    /// </summary>
    public const string HumanTakeover = "humanTakeover";

    /// <summary>The thread came back to the bot (Messenger pass_thread_control to our app).</summary>
    public const string HumanRelease = "humanRelease";

    /// <summary>
    /// The member wrote, tapped or reacted while another app owns the thread (Messenger standby): the bot does not answer, but
    /// it is her interaction and opens the platform's window.
    /// </summary>
    public const string StandbyInteraction = "standbyInteraction";

    /// <summary>Any other event that arrived while another app owns the thread (receipts excepted).</summary>
    public const string Standby = "standby";
}
