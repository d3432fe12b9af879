using System.Text.Json;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// The kinds of webhook event, named after the key that carries them (PLATFORM-MESSENGER.md §1.3). Every kind is stored in the
/// inbox; the adapter turns the ones the bot acts on into activities and the rest are kept and marked ignored.
/// </summary>
public static class MessengerEventKinds
{
    public const string Message = "message";
    public const string Echo = "echo";
    public const string Postback = "postback";
    public const string Delivery = "delivery";
    public const string Read = "read";
    public const string Reaction = "reaction";
    public const string Referral = "referral";
    public const string Optin = "optin";
    public const string PassThreadControl = "pass_thread_control";
    public const string TakeThreadControl = "take_thread_control";
    public const string RequestThreadControl = "request_thread_control";
    public const string PolicyEnforcement = "policy_enforcement";
    public const string MessageEdit = "message_edit";
    public const string AccountLinking = "account_linking";
    public const string MessageRequest = "message_request";
    public const string AppRoles = "app_roles";

    /// <summary>An entry's <c>changes[]</c> item (Page feed events, the dashboard's "Test" button).</summary>
    public const string Change = "change";

    /// <summary>A messaging item with none of the keys above: stored, logged, ignored.</summary>
    public const string Unknown = "unknown";

    // Order matters only for malformed items carrying two keys: the first match wins.
    private static readonly string[] Keys =
    [
        Message, Postback, Delivery, Read, Reaction, Referral, Optin, PassThreadControl, TakeThreadControl,
        RequestThreadControl, PolicyEnforcement, "policy-enforcement", MessageEdit, AccountLinking, MessageRequest, AppRoles,
    ];

    /// <summary>The kind of one messaging item, and the element that carries it (null for <see cref="Unknown"/>).</summary>
    public static (string Kind, JsonElement? Body) Detect(JsonElement item)
    {
        foreach (var key in Keys)
        {
            if (!item.TryGetProperty(key, out var body))
            {
                continue;
            }

            if (key == Message && body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True)
            {
                return (Echo, body);
            }

            return (key == "policy-enforcement" ? PolicyEnforcement : key, body);
        }

        return (Unknown, null);
    }
}
