using System.Text.Json.Nodes;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>JSON text made acceptable to PostgreSQL's jsonb, which refuses the NUL character (\u0000) that a member can still type.</summary>
internal static class JsonbText
{
    // PostgreSQL's jsonb refuses \u0000; a member can still type it. Replace it rather than lose the event (or fail the ack).
    public static string Safe(string raw)
    {
        if (!raw.Contains("\\u0000", StringComparison.Ordinal))
        {
            return raw;
        }

        var node = JsonNode.Parse(raw)!;
        Scrub(node);
        return node.ToJsonString();
    }

    private static void Scrub(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains('\0', StringComparison.Ordinal))
                    {
                        obj[key] = s.Replace('\0', '\uFFFD');
                    }
                    else if (child is not null)
                    {
                        Scrub(child);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains('\0', StringComparison.Ordinal))
                    {
                        array[i] = s.Replace('\0', '\uFFFD');
                    }
                    else if (array[i] is { } child)
                    {
                        Scrub(child);
                    }
                }

                break;
        }
    }
}
