using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Outreach.Emulators.Zalo;

/// <summary>
/// Webhook bodies in Zalo's field order and compact form (as W1b), raw UTF-8 (Vietnamese unescaped), with the OA and app
/// of the emulator (or of another of its OAs, <paramref name="oaId"/>) and timestamps from its clock (strictly increasing, so two
/// events of one builder never share one).
/// </summary>
public sealed class ZaloWebhookBodies(ZaloEmulator emulator, string? oaId = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
    private long _lastTimestamp;

    private string AppId => emulator.Oa(oaId).AppId;

    private string OaId => emulator.Oa(oaId).OaId;

    public string Text(string userId, string text, string? msgId = null) => Serialize(new
    {
        app_id = AppId, sender = new { id = userId }, user_id_by_app = "9" + userId, recipient = new { id = OaId },
        event_name = "user_send_text", message = new { text, msg_id = msgId ?? NewMsgId() }, timestamp = Timestamp(),
    });

    public string Image(string userId, string url, string? caption = null) => Serialize(new
    {
        app_id = AppId, sender = new { id = userId }, user_id_by_app = "9" + userId, recipient = new { id = OaId },
        event_name = "user_send_image",
        message = new { text = caption, msg_id = NewMsgId(), attachments = new[] { new { payload = new { thumbnail = url, url }, type = "image" } } },
        timestamp = Timestamp(),
    });

    public string Follow(string userId) => FollowEvent("follow", userId);

    public string Unfollow(string userId) => FollowEvent("unfollow", userId);

    public string ChatNow(string userId) => Serialize(new
    {
        app_id = AppId, oa_id = OaId, user_id = userId, user_id_by_app = "9" + userId, event_name = "user_click_chatnow", timestamp = Timestamp(),
    });

    public string Received(string userId, string msgId) => Serialize(new
    {
        app_id = AppId, sender = new { id = OaId }, user_id_by_app = "9" + userId, recipient = new { id = userId },
        event_name = "user_received_message", message = new { msg_id = msgId }, timestamp = Timestamp(),
    });

    public string Seen(string userId, params string[] msgIds) => Serialize(new
    {
        app_id = AppId, sender = new { id = OaId }, user_id_by_app = "9" + userId, recipient = new { id = userId },
        event_name = "user_seen_message", message = new { msg_ids = msgIds }, timestamp = Timestamp(),
    });

    /// <summary>
    /// The member filled the OA's <c>request_user_info</c> form (PLATFORM-ZALO.md W6, the current shape: the address under
    /// <c>full_address</c> with city and ward, no district).
    /// </summary>
    public string SubmitInfo(string userId, string name, string phone, string city, string ward, string address) => Serialize(new
    {
        sender = new { id = userId }, recipient = new { id = OaId }, event_name = "user_submit_info", app_id = AppId, timestamp = Timestamp(),
        info = new { name, phone, full_address = new { user_city = city, user_ward = ward, user_address = address } },
    });

    /// <summary>The same form in the older shape some SDKs describe (§8.3): <c>info{address, phone, city, district, name, ward}</c>.</summary>
    public string SubmitInfoOlder(string userId, string name, string phone, string city, string district, string ward, string address) => Serialize(new
    {
        sender = new { id = userId }, recipient = new { id = OaId }, event_name = "user_submit_info", app_id = AppId, timestamp = Timestamp(),
        info = new { address, phone, city, district, name, ward },
    });

    /// <summary>The echo Zalo sends of a message the OA sent.</summary>
    public string OaEcho(string userId, string text) => Serialize(new
    {
        app_id = AppId, sender = new { id = OaId }, user_id_by_app = "9" + userId, recipient = new { id = userId },
        event_name = "oa_send_text", message = new { msg_id = NewMsgId(), text }, timestamp = Timestamp(),
    });

    /// <summary>The echo of a message an OA admin typed in Zalo's OA Chat: the sender carries her <c>admin_id</c>.</summary>
    public string AdminEcho(string userId, string text, string adminId = "5012345678901234567") => Serialize(new
    {
        app_id = AppId, sender = new { admin_id = adminId, id = OaId }, user_id_by_app = "9" + userId, recipient = new { id = userId },
        event_name = "oa_send_text", message = new { msg_id = NewMsgId(), text }, timestamp = Timestamp(),
    });

    /// <summary>An event Outreach does not handle (a tag change).</summary>
    public string TagAdded(string userId) => Serialize(new
    {
        app_id = AppId, oa_id = OaId, user_id_by_app = "9" + userId, event_name = "add_user_to_tag",
        tag = new { user_ids = new[] { userId }, name = "xa-phu-hoi" }, timestamp = Timestamp(),
    });

    private string FollowEvent(string name, string userId) => Serialize(new
    {
        oa_id = OaId, follower = new { id = userId }, user_id_by_app = "9" + userId, event_name = name, source = "oa_profile",
        app_id = AppId, timestamp = Timestamp(),
    });

    private string Timestamp()
    {
        var now = emulator.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        long previous, next;
        do
        {
            previous = Interlocked.Read(ref _lastTimestamp);
            next = Math.Max(now, previous + 1);
        }
        while (Interlocked.CompareExchange(ref _lastTimestamp, next, previous) != previous);
        return next.ToString(CultureInfo.InvariantCulture);
    }

    private static string NewMsgId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
