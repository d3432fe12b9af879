using System.Text.Json.Nodes;

namespace Outreach.Emulators.Messenger;

/// <summary>
/// Graph's real error bodies (PLATFORM-MESSENGER.md §6.3: E1 outside window, E3 unavailable, E7/E8 tokens, E10–E18 Ruby gem
/// stubs); the wording of the parameter errors is unverified (§7.5) but the codes are Meta's.
/// </summary>
public static class MessengerGraphErrors
{
    public static string OutsideWindow() => Body(
        "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
        "OAuthException", 10, 2018278);

    /// <summary>HUMAN_AGENT without the approved feature (a permission error; the subcode is not captured in our sources).</summary>
    public static string HumanAgentNotApproved() => Body(
        "(#10) Ứng dụng không có quyền gửi tin nhắn với thẻ này.", "OAuthException", 10, 2018065);

    public static string UserUnavailable() => Body("(#551) This person isn't available right now.", "OAuthException", 551, 1545041);

    public static string NoMatchingUser() => Body("No matching user found.", "FacebookApiException", 100, 2018001);

    /// <summary>User Profile API without Business Asset User Profile Access (remixz/messenger-bot#98, a real body).</summary>
    public static string ProfilePermissionMissing() => Body("(#100) Insufficient permission to access user profile.", "OAuthException", 100, 2018247);

    /// <summary>User Profile API for a phone-number-only account (chatwoot/chatwoot#6632: 100 / 2018218).</summary>
    public static string NoProfile() => Body("(#100) No profile available for this user.", "OAuthException", 100, 2018218);

    public static string InvalidToken() => Body("Invalid OAuth access token - Cannot parse access token", "OAuthException", 190, null);

    public static string ExpiredToken() => Body(
        "Error validating access token: Session has expired on Wednesday, 14-Feb-18 18:00:00 PST. The current time is Thursday, 15-Feb-18 13:46:35 PST.",
        "OAuthException", 190, 463);

    public static string MissingToken() =>
        Body("An active access token must be used to query information about the current user.", "OAuthException", 2500, null);

    public static string InvalidAppSecretProof() => Body("Invalid appsecret_proof provided in the API argument", "GraphMethodException", 100, null);

    public static string AppSecretProofRequired() => Body("API calls from the server require an appsecret_proof argument", "GraphMethodException", 100, null);

    public static string InvalidParameter(string message, int? subcode = null) => Body("(#100) " + message, "OAuthException", 100, subcode);

    public static string UnknownPath(string path) => Body($"Unknown path components: {path}", "OAuthException", 2500, null);

    public static string CallRateLimit() => Body("Calls to this API have exceeded the rate limit", "FacebookApiException", 613, null);

    public static string PageRateLimit() => Body(
        "(#80006) There have been too many messenger api calls to this Page account. Wait a bit and try again.", "OAuthException", 80006, null);

    public static string AppRateLimit() => Body("(#4) Application request limit reached", "OAuthException", 4, null, isTransient: true);

    public static string TemporaryFailure() => Body("Temporary send message failure. Please try again later.", "FacebookApiException", 1200, null);

    public static string Body(string message, string type, int code, int? subcode, bool? isTransient = null)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = type };
        if (isTransient is { } transient)
        {
            error["is_transient"] = transient;
        }

        error["code"] = code;
        if (subcode is { } s)
        {
            error["error_subcode"] = s;
        }

        error["fbtrace_id"] = "A" + Guid.NewGuid().ToString("N")[..22];
        return MetaJson.Write(new JsonObject { ["error"] = error });
    }
}
