using System.Globalization;
using System.Text.Json;

namespace Outreach.Bot.Insights;

/// <summary>A count as platforms send it: a JSON number, or a string of digits (Zalo on some accounts). Anything else is null.</summary>
public static class InsightsCount
{
    public static long? Read(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
