using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Zalo;

/// <summary>
/// The follower's detail, <c>GET /v3.0/oa/user/detail?data={"user_id":"…"}</c> (PLATFORM-ZALO.md §4.3, sample P5): the
/// <c>access_token</c> header is checked as for sends and counts against the OA's call limit (-32); a member with a profile
/// who has not unfollowed gets Zalo's envelope with <c>display_name</c>; anyone else -213 "User has not followed OA"; a
/// <c>data</c> parameter that is not JSON with a <c>user_id</c>, -201.
/// </summary>
public sealed partial class ZaloEmulator
{
    public const string UserDetailPath = "/v3.0/oa/user/detail";

    // Zalo writes Vietnamese names unescaped.
    private static readonly JsonSerializerOptions ProfileJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The member's Zalo name (she follows the OA and interacted).</summary>
    public void SetProfile(string userId, string displayName)
    {
        var member = MemberOf(userId);
        member.DisplayName = displayName;
        member.IsFollower = true;
        member.Unfollowed = false;
    }

    /// <summary>User detail requests received, in order.</summary>
    public IReadOnlyList<Common.RecordedRequest> ProfileRequests => Received.Where(r => r.Path == UserDetailPath).ToList();

    private IResult UserDetail(HttpContext context)
    {
        var tokenError = CheckAccessToken(context.Request.Headers["access_token"].ToString());
        if (tokenError is { } code)
        {
            return Error(code);
        }

        if (!TakeCallPermit(Oa(OaOfToken(context.Request.Headers["access_token"].ToString())).AppId, out _))
        {
            return Error(-32);
        }

        string? userId;
        try
        {
            var data = JsonNode.Parse(context.Request.Query["data"].ToString());
            userId = data?["user_id"]?.GetValueKind() == JsonValueKind.String ? (string?)data["user_id"] : null;
        }
        catch (JsonException)
        {
            userId = null;
        }

        if (string.IsNullOrEmpty(userId))
        {
            return Error(-201, "user_id is invalid!");
        }

        if (!_members.TryGetValue(userId, out var member) || member.DisplayName is null || member.Unfollowed)
        {
            return Error(-213);
        }

        var json = JsonSerializer.Serialize(new
        {
            data = new
            {
                user_id = userId,
                user_id_by_app = "46" + userId,
                display_name = member.DisplayName,
                user_alias = member.DisplayName,
                is_sensitive = false,
                user_last_interaction_date = (member.LastInteraction ?? Clock.GetUtcNow()).ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                user_is_follower = member.IsFollower,
                avatar = "https://s120-ava-talk.zadn.vn/emulator.jpg",
                avatars = new Dictionary<string, string> { ["120"] = "https://s120-ava-talk.zadn.vn/emulator.jpg", ["240"] = "https://s240-ava-talk.zadn.vn/emulator.jpg" },
                tags_and_notes_info = new { notes = Array.Empty<string>(), tag_names = Array.Empty<string>() },
            },
            error = 0,
            message = "Success",
        }, ProfileJson);
        return Results.Text(json, "application/json; charset=utf-8");
    }
}
