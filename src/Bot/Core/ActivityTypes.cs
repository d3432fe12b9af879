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
}
