using System.Text.Json;

namespace Outreach.Emulators.Zalo;

/// <summary>Zalo's error codes with their official messages, verbatim including Zalo's typos (PLATFORM-ZALO.md §3.5, P4).</summary>
public static class ZaloApiErrors
{
    public static readonly IReadOnlyDictionary<int, string> Messages = new Dictionary<int, string>
    {
        [-32] = "Your application reached limit call api",
        [-200] = "Send message failed",
        [-201] = "message is invalid!",
        [-204] = "Offical Account is disable",
        [-210] = "Parameter exceeds allowable limit",
        [-211] = "Out of quota",
        [-213] = "User has not followed OA",
        [-214] = "Article is being processed",
        [-216] = "Access token is invalid",
        [-217] = "User has blocked invitation from OA",
        [-218] = "Out of quota receive",
        [-220] = "access_token is expired or removed",
        [-223] = "Official Account has not authorized this API",
        [-224] = "The OA needs to upgrade OA Tier Package",
        [-227] = "User is banned or has been inactive for more than 45 days",
        [-230] = "User has not interacted with the OA in the past 7 days",
        [-232] = "User has not interacted with the OA, or the last interaction has expired",
        [-233] = "message type is invalid or not support",
        [-234] = "This message cannot be sent at night (10:00PM - 6:00AM)",
        [-240] = "MessageV2 API has been shut down, please switch to MessageV3",
        [-248] = "Violates our platform standards",
        [-320] = "Your app needs to connect with Zalo Cloud Account to use paid features",
        [-321] = "Zalo Cloud Account associated with this app is out of money or unable to be charged",
    };

    /// <summary><c>{"error":code,"message":"…"}</c>, as Zalo answers every failure (with HTTP 200).</summary>
    public static string Body(int code, string? message = null) =>
        JsonSerializer.Serialize(new { error = code, message = message ?? Messages.GetValueOrDefault(code, "Unknown error") });
}
