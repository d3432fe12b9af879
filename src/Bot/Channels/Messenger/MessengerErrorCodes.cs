namespace Outreach.Bot.Channels.Messenger;

/// <summary>Graph/Messenger error codes and subcodes we act on (PLATFORM-MESSENGER.md §2.4, Meta's "Common Error Codes").</summary>
public static class MessengerErrorCodes
{
    public const int Unknown = 1;
    public const int ServiceUnavailable = 2;
    public const int AppRateLimit = 4;
    public const int Permission = 10;
    public const int UserRateLimit = 17;
    public const int PageRateLimit = 32;
    public const int InvalidParameter = 100;
    public const int AccessTokenInvalid = 190;
    public const int PermissionDenied = 200;
    public const int PagesMessagingRequired = 230;
    public const int ActionBlocked = 368;
    public const int UserUnavailable = 551;
    public const int CallRateLimit = 613;
    public const int TemporarySendFailure = 1200;
    public const int PagesBucRateLimit = 80001;
    public const int MessengerBucRateLimit = 80006;

    /// <summary>(#10) "This message is sent outside of allowed window."</summary>
    public const int OutsideWindowSubcode = 2018278;

    /// <summary>(#10) outside window, other wording (2534022) and the old News Messaging variant (2018065).</summary>
    public const int OutsideWindowAltSubcode = 2534022;

    public const int OutsideWindowNewsSubcode = 2018065;

    /// <summary>(#10) "This person isn't receiving messages from you right now."</summary>
    public const int CannotReceiveSubcode = 2018108;

    /// <summary>(#100) "No matching user found."</summary>
    public const int NoMatchingUserSubcode = 2018001;

    /// <summary>(#551 or #200) "This person isn't available right now" (blocked, deactivated).</summary>
    public const int UserUnavailableSubcode = 1545041;

    /// <summary>(#10) another app controls the thread (handover).</summary>
    public const int NotThreadOwnerSubcode = 2018300;
}
