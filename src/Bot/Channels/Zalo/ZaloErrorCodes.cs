using System.Globalization;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// OA API error codes (PLATFORM-ZALO.md §3.5; they arrive with HTTP 200 as <c>{"error":code,"message":…}</c>) and what a
/// send makes of each. Codes not listed are the platform refusing the message itself: final.
/// </summary>
public static class ZaloErrorCodes
{
    public const int Success = 0;
    public const int RateLimited = -32;
    public const int SendFailed = -200;
    public const int OutOfQuota = -211;
    public const int NotFollower = -213;
    public const int AccessTokenInvalid = -216;
    public const int BlockedInvitation = -217;
    public const int RecipientQuotaExhausted = -218;
    public const int AccessTokenExpired = -220;
    public const int UserInactiveOrBanned = -227;
    public const int NoInteraction7Days = -230;
    public const int InteractionExpired = -232;
    public const int NightTime = -234;
    public const int UserRestricted = -244;
    public const int CloudAccountRequired = -320;
    public const int CloudAccountUnpaid = -321;

    // Vietnam keeps UTC+7 all year (no daylight saving): the night ban ends at 06:00 there.
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>True for the two "token" errors after which one refresh and one resend are worth trying.</summary>
    public static bool IsTokenError(int code) => code is AccessTokenInvalid or AccessTokenExpired;

    /// <summary>What a failed send means for the outbox.</summary>
    public static SendResult ToResult(int code, string? message, ZaloOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = code.ToString(CultureInfo.InvariantCulture);
        return code switch
        {
            RateLimited => SendResult.Failed(SendOutcome.RateLimited, text, message, TimeSpan.FromSeconds(options.RateLimitRetryAfterSeconds)),
            SendFailed => SendResult.Failed(SendOutcome.Transient, text, message),
            NightTime => SendResult.Failed(SendOutcome.RateLimited, text, message, UntilSixInTheMorning(now)),
            NoInteraction7Days or InteractionExpired => SendResult.Failed(SendOutcome.OutsideWindow, text, message),
            NotFollower or BlockedInvitation or RecipientQuotaExhausted or UserInactiveOrBanned or UserRestricted =>
                SendResult.Failed(SendOutcome.Unreachable, text, message),
            AccessTokenInvalid or AccessTokenExpired => SendResult.Failed(SendOutcome.AuthFailed, text, message),
            OutOfQuota or CloudAccountRequired or CloudAccountUnpaid => SendResult.Failed(SendOutcome.AccountLimited, text, message),
            _ => SendResult.Failed(SendOutcome.Rejected, text, message),
        };
    }

    private static TimeSpan UntilSixInTheMorning(DateTimeOffset now)
    {
        var local = now.ToOffset(VietnamOffset);
        var six = new DateTimeOffset(local.Year, local.Month, local.Day, 6, 0, 0, VietnamOffset);
        return (six > local ? six : six.AddDays(1)) - local;
    }
}
