using System.Text.Json.Nodes;

namespace Outreach.Emulators.Messenger;

/// <summary>
/// Builds webhook bodies as Meta sends them: <c>{"object":"page","entry":[{"id","time","messaging":[…]}]}</c>, keys in Meta's
/// order, escaped as Meta escapes (<see cref="MetaJson"/>). Several entries (<see cref="NextEntry"/>) make a batched delivery;
/// <see cref="OutOfOrder"/> reverses each entry's events so timestamps run backwards, as after a failed delivery (§1.5).
/// </summary>
public sealed class MessengerWebhookBuilder
{
    private readonly string _pageId;
    private readonly TimeProvider _clock;
    private readonly List<(long Time, List<JsonObject> Events, bool Standby)> _entries = [];
    private readonly List<(string Psid, DateTimeOffset At)> _interactions = [];
    private bool _outOfOrder;
    private long _last;

    public MessengerWebhookBuilder(string pageId, TimeProvider? clock = null, long? entryTime = null)
    {
        _pageId = pageId;
        _clock = clock ?? TimeProvider.System;
        NextEntry(entryTime);
    }

    /// <summary>Member interactions in this body (messages, taps, referrals…): what opens the 24-hour window.</summary>
    public IReadOnlyList<(string Psid, DateTimeOffset At)> Interactions => _interactions;

    public string PageId => _pageId;

    /// <summary>Starts another entry of the same body (Meta batches several).</summary>
    public MessengerWebhookBuilder NextEntry(long? time = null, bool standby = false)
    {
        _entries.Add((time ?? Now(), [], standby));
        return this;
    }

    public MessengerWebhookBuilder Message(string psid, string text, string? mid = null, long? timestamp = null) =>
        FromMember(psid, timestamp, "message", new JsonObject { ["mid"] = mid ?? NewMid(), ["text"] = text });

    public MessengerWebhookBuilder QuickReply(string psid, string title, string payload, string? mid = null, long? timestamp = null) =>
        FromMember(psid, timestamp, "message", new JsonObject
        {
            ["quick_reply"] = new JsonObject { ["payload"] = payload }, ["mid"] = mid ?? NewMid(), ["text"] = title,
        });

    public MessengerWebhookBuilder Attachment(string psid, string type, string url, string? mid = null, long? timestamp = null) =>
        FromMember(psid, timestamp, "message", new JsonObject
        {
            ["mid"] = mid ?? NewMid(),
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = type, ["payload"] = new JsonObject { ["url"] = url } }),
        });

    public MessengerWebhookBuilder Postback(string psid, string title, string payload, string? mid = null, long? timestamp = null) =>
        FromMember(psid, timestamp, "postback", new JsonObject { ["title"] = title, ["payload"] = payload, ["mid"] = mid ?? NewMid() });

    /// <summary>
    /// The Get Started tap of a new thread (PLATFORM-MESSENGER.md W15 and botbuilder's vector): a postback with the Page's
    /// payload, title "Get Started", a mid, and, when she came through <c>m.me/&lt;page&gt;?ref=…</c>, <c>postback.referral</c>.
    /// </summary>
    public MessengerWebhookBuilder GetStarted(string psid, string payload = "GET_STARTED", string? reference = null, long? timestamp = null)
    {
        var postback = new JsonObject { ["title"] = "Get Started", ["payload"] = payload, ["mid"] = NewMid() };
        if (reference is not null)
        {
            postback["referral"] = new JsonObject { ["ref"] = reference, ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" };
        }

        return FromMember(psid, timestamp, "postback", postback);
    }

    /// <summary>She opened <c>m.me/&lt;page&gt;?ref=…</c> on a thread she already has: a <c>referral</c> event (no message).</summary>
    public MessengerWebhookBuilder Referral(string psid, string reference, long? timestamp = null) =>
        FromMember(psid, timestamp, "referral", new JsonObject { ["ref"] = reference, ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" });

    public MessengerWebhookBuilder Optin(string psid, string reference, long? timestamp = null) =>
        FromMember(psid, timestamp, "optin", new JsonObject { ["ref"] = reference });

    public MessengerWebhookBuilder Reaction(string psid, string mid, string reaction = "like", long? timestamp = null) =>
        FromMember(psid, timestamp, "reaction", new JsonObject { ["mid"] = mid, ["action"] = "react", ["emoji"] = "👍", ["reaction"] = reaction });

    /// <summary>A delivery receipt (sender = the member, as in real 2023 captures).</summary>
    public MessengerWebhookBuilder Delivery(string psid, IEnumerable<string> mids, long watermark, long? timestamp = null) =>
        Add(psid, _pageId, timestamp, "delivery", new JsonObject
        {
            ["mids"] = new JsonArray(mids.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()), ["watermark"] = watermark,
        });

    public MessengerWebhookBuilder Read(string psid, long watermark, long? timestamp = null) =>
        Add(psid, _pageId, timestamp, "read", new JsonObject { ["watermark"] = watermark });

    /// <summary>The echo of a message the Page sent (sender = the Page, recipient = the member).</summary>
    public MessengerWebhookBuilder Echo(string psid, string text, long appId = 1929931607227568, string? metadata = null, string? mid = null) =>
        Add(_pageId, psid, null, "message", metadata is null
            ? new JsonObject { ["mid"] = mid ?? NewMid(), ["text"] = text, ["app_id"] = appId, ["is_echo"] = true }
            : new JsonObject { ["mid"] = mid ?? NewMid(), ["text"] = text, ["app_id"] = appId, ["is_echo"] = true, ["metadata"] = metadata });

    /// <summary>Any other event key (handover, policy notices, a kind the gateway does not know).</summary>
    public MessengerWebhookBuilder Custom(string psid, string key, JsonNode body, long? timestamp = null) => Add(psid, _pageId, timestamp, key, body);

    public MessengerWebhookBuilder OutOfOrder()
    {
        _outOfOrder = true;
        return this;
    }

    /// <summary>The body, as Meta's bytes would read.</summary>
    public string Build()
    {
        var entries = new JsonArray();
        foreach (var (time, events, standby) in _entries.Where(e => e.Events.Count > 0))
        {
            var items = _outOfOrder ? Enumerable.Reverse(events) : events;
            entries.Add(new JsonObject
            {
                ["id"] = _pageId,
                ["time"] = time,
                [standby ? "standby" : "messaging"] = new JsonArray(items.Select(e => (JsonNode)e.DeepClone()).ToArray()),
            });
        }

        return MetaJson.Write(new JsonObject { ["object"] = "page", ["entry"] = entries });
    }

    public static string NewMid() => "m_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    private MessengerWebhookBuilder FromMember(string psid, long? timestamp, string key, JsonNode body)
    {
        var at = timestamp ?? Now();
        _interactions.Add((psid, DateTimeOffset.FromUnixTimeMilliseconds(at)));
        return Add(psid, _pageId, at, key, body);
    }

    private MessengerWebhookBuilder Add(string sender, string recipient, long? timestamp, string key, JsonNode body)
    {
        _entries[^1].Events.Add(new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = sender },
            ["recipient"] = new JsonObject { ["id"] = recipient },
            ["timestamp"] = timestamp ?? Now(),
            [key] = body,
        });
        return this;
    }

    // Strictly increasing, so events built one after another never share a timestamp.
    private long Now() => _last = Math.Max(_clock.GetUtcNow().ToUnixTimeMilliseconds(), _last + 1);
}
