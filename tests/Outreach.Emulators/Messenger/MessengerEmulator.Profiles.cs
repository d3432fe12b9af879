using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Messenger;

/// <summary>
/// The User Profile API, <c>GET /{version}/{PSID}?fields=first_name,last_name,profile_pic</c> (PLATFORM-MESSENGER.md §3.3, R6):
/// the Page token and appsecret_proof are checked as for sends; a PSID of the token's Page with a profile answers the fields
/// asked for; one who wrote but has no profile (a phone-number-only account) gets (#100) 2018218; an app without Business Asset
/// User Profile Access gets (#100) 2018247 for everyone; an id the Page does not know, Graph's "Unsupported get request" (100/33).
/// </summary>
public sealed partial class MessengerEmulator
{
    private readonly ConcurrentDictionary<(string Page, string Psid), (string First, string Last)> _profiles = new();
    private volatile bool _profileAccessDenied;

    /// <summary>The member's profile as Graph gives it to the Page (also counts as her having written to it).</summary>
    public void SetProfile(string psid, string firstName, string lastName, string? pageId = null) =>
        _profiles[(pageId ?? PageId, psid)] = (firstName, lastName);

    /// <summary>Whether the app lacks Advanced Access to Business Asset User Profile Access: every lookup gets (#100) 2018247.</summary>
    public bool ProfileAccessDenied
    {
        get => _profileAccessDenied;
        set => _profileAccessDenied = value;
    }

    /// <summary>Profile lookups received, in order.</summary>
    public IReadOnlyList<Common.RecordedRequest> ProfileRequests =>
        Received.Where(r => r.Method == "GET" && r.Path.Count(c => c == '/') == 2).ToList();

    private IResult HandleProfile(HttpContext context, string version, string node)
    {
        var request = context.Request;
        if (GraphCallerProblem(request, version, out var page) is { } problem)
        {
            return problem;
        }

        var known = _profiles.TryGetValue((page, node), out var profile);
        if (!known && !_lastInteraction.ContainsKey((page, node)))
        {
            return Error(MessengerGraphErrors.Body(
                $"Unsupported get request. Object with ID '{node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                "GraphMethodException", 100, 33));
        }

        if (_profileAccessDenied)
        {
            return Error(MessengerGraphErrors.ProfilePermissionMissing());
        }

        if (!known)
        {
            return Error(MessengerGraphErrors.NoProfile());
        }

        var fields = request.Query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var answer = new JsonObject();
        foreach (var field in fields.Length == 0 ? ["first_name", "last_name"] : fields)
        {
            JsonNode? value = field switch
            {
                "first_name" => profile.First,
                "last_name" => profile.Last,
                "name" => $"{profile.First} {profile.Last}",
                "profile_pic" => $"https://platform-lookaside.fbsbx.com/platform/profilepic/?psid={node}&width=1024&ext=1767225600&hash=AT9emulator",
                "locale" => "vi_VN",
                "timezone" => 7,
                _ => null,
            };
            if (value is null)
            {
                return Error(MessengerGraphErrors.InvalidParameter($"Tried accessing nonexisting field ({field}) on node type (User)"));
            }

            answer[field] = value;
        }

        answer["id"] = node;
        return Results.Text(MetaJson.Write(answer), "application/json; charset=UTF-8");
    }
}
