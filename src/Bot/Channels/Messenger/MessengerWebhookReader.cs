using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Outreach.Bot.Core;
using Outreach.Content.Inbox;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// A verified webhook body → one inbox event per item of every entry's <c>messaging</c>, <c>standby</c> and <c>changes</c>
/// (bottender reads only the first; PLATFORM-MESSENGER.md §0.10). Each gets a dedupe id (the mid where there is one, else a
/// hash of what identifies it, §1.5) so a redelivered body adds nothing; events are ordered by their timestamp, not arrival.
/// </summary>
public static class MessengerWebhookReader
{
    /// <summary>Reads a body. Throws <see cref="JsonException"/> for malformed JSON and <see cref="FormatException"/> for JSON that is not a webhook.</summary>
    public static MessengerWebhookBatch Read(byte[] body)
    {
        try
        {
            return ReadBatch(body);
        }
        catch (InvalidOperationException ex)
        {
            // A field of the wrong JSON type (a timestamp that is true, a text that is an object): not a webhook we can read.
            throw new FormatException("A Messenger webhook field has the wrong JSON type.", ex);
        }
    }

    private static MessengerWebhookBatch ReadBatch(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        // A jsonb-safe copy, as the Zalo endpoint reads: an escaped NUL or a lone surrogate (which GetString would throw on, and
        // PostgreSQL refuses in a sender id) becomes U+FFFD, so a signed event is stored, never a 5xx (issue 11.11, found by fuzzing).
        using var document = JsonDocument.Parse(JsonbText.Safe(System.Text.Encoding.UTF8.GetString(body)));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("A Messenger webhook is an object with an \"entry\" array.");
        }

        var objectType = root.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        if (objectType != "page")
        {
            return new MessengerWebhookBatch([], [], objectType ?? "");
        }

        var drafts = new List<InboxEventDraft>();
        var unknown = new List<string>();
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Every webhook entry is an object.");
            }

            var pageId = IdOf(entry, "id") ?? "";
            var entryTime = entry.TryGetProperty("time", out var t) && t.TryGetInt64(out var ms) ? ms : (long?)null;
            ReadItems(entry, "messaging", pageId, entryTime, standby: false, drafts, unknown);
            ReadItems(entry, "standby", pageId, entryTime, standby: true, drafts, unknown);
            ReadChanges(entry, pageId, entryTime, drafts);
        }

        // LINQ's OrderBy is stable: events without a time keep their place after the timed ones of the body.
        return new MessengerWebhookBatch(drafts.OrderBy(d => d.EventTime ?? DateTimeOffset.MaxValue).ToList(), unknown, "page");
    }

    /// <summary>
    /// The Page ids a body names (<c>entry[].id</c>), read before its signature is checked: they say whose app secret signs
    /// it. Empty for a body of another object or without entries. Throws as <see cref="Read"/> does for a malformed body.
    /// </summary>
    public static IReadOnlyList<string> PageIds(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return ReadPageIds(body);
        }
        catch (InvalidOperationException ex)
        {
            // An id of the wrong JSON type, or a string that is not valid UTF-8 (JsonDocument checks it only when it is read).
            throw new FormatException("A Messenger webhook's page id cannot be read.", ex);
        }
    }

    private static List<string> ReadPageIds(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("A Messenger webhook is an object with an \"entry\" array.");
        }

        return entries.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Object ? IdOf(e, "id") : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static void ReadItems(
        JsonElement entry, string arrayName, string pageId, long? entryTime, bool standby, List<InboxEventDraft> drafts, List<string> unknown)
    {
        if (!entry.TryGetProperty(arrayName, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Every item of \"{arrayName}\" is an object.");
            }

            var (kind, body) = MessengerEventKinds.Detect(item);
            if (kind == MessengerEventKinds.Unknown)
            {
                var keys = string.Join(',', item.EnumerateObject().Select(p => p.Name).Where(n => n is not ("sender" or "recipient" or "timestamp")));
                unknown.Add(keys.Length > 0 ? keys : "(no event key)");
            }

            var sender = PartyOf(item, "sender");
            var recipient = PartyOf(item, "recipient");
            var pageSide = kind == MessengerEventKinds.Echo || (sender is not null && sender == pageId);
            var account = pageSide ? sender ?? pageId : recipient ?? pageId;
            var member = pageSide ? recipient : sender ?? UserRefOf(item);
            var timestamp = item.TryGetProperty("timestamp", out var ts) ? MillisOf(ts) : null;
            drafts.Add(new InboxEventDraft(
                MessengerChannel.Name,
                DedupeId(kind, body, item, pageId, sender, recipient, timestamp),
                kind,
                account,
                member,
                TimeOf(timestamp ?? entryTime),
                Wrap(pageId, standby, item)));
        }
    }

    private static void ReadChanges(JsonElement entry, string pageId, long? entryTime, List<InboxEventDraft> drafts)
    {
        if (!entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var change in changes.EnumerateArray())
        {
            var id = $"{MessengerEventKinds.Change}:{Hash(pageId, entryTime?.ToString(System.Globalization.CultureInfo.InvariantCulture), change.GetRawText())}";
            drafts.Add(new InboxEventDraft(
                MessengerChannel.Name, id, MessengerEventKinds.Change, pageId, null, TimeOf(entryTime), Wrap(pageId, false, change)));
        }
    }

    private static string DedupeId(string kind, JsonElement? body, JsonElement item, string pageId, string? sender, string? recipient, long? timestamp)
    {
        var mid = body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("mid", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()
            : null;
        var time = timestamp?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return kind switch
        {
            // A message and its echo share the mid namespace (one mid is one message); a postback's mid is its own.
            MessengerEventKinds.Message or MessengerEventKinds.Echo when mid is not null => mid,
            MessengerEventKinds.Postback when mid is not null => $"{kind}:{mid}",
            _ => $"{kind}:{Hash(pageId, sender, recipient, time, (body ?? item).GetRawText())}",
        };
    }

    private static string Wrap(string pageId, bool standby, JsonElement item)
    {
        var buffer = new ArrayBufferWriter<byte>(item.GetRawText().Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("page", pageId);
            writer.WriteBoolean("standby", standby);
            writer.WritePropertyName("event");
            writer.WriteRawValue(item.GetRawText(), skipInputValidation: true);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string? IdOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var id) ? id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        } : null;

    private static string? PartyOf(JsonElement item, string property) =>
        item.TryGetProperty(property, out var party) && party.ValueKind == JsonValueKind.Object ? IdOf(party, "id") : null;

    private static string? UserRefOf(JsonElement item) =>
        item.TryGetProperty("optin", out var optin) && optin.ValueKind == JsonValueKind.Object ? IdOf(optin, "user_ref")
        : item.TryGetProperty("sender", out var sender) && sender.ValueKind == JsonValueKind.Object ? IdOf(sender, "user_ref")
        : null;

    private static long? MillisOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    // Messaging events carry epoch milliseconds; feed changes (and the dashboard's test pings) carry seconds.
    private static DateTimeOffset? TimeOf(long? value) => value switch
    {
        null or <= 0 => null,
        < 100_000_000_000 => DateTimeOffset.FromUnixTimeSeconds(value.Value),
        < 253_402_300_799_999 => DateTimeOffset.FromUnixTimeMilliseconds(value.Value),
        _ => null,
    };

    private static string Hash(params string?[] parts)
    {
        var text = string.Join('\n', parts.Select(p => p ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}

/// <summary>What a webhook body holds: the events to store, the keys of items we did not recognise, and the body's object type.</summary>
public sealed record MessengerWebhookBatch(IReadOnlyList<InboxEventDraft> Events, IReadOnlyList<string> UnknownKinds, string ObjectType);
