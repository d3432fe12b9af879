using System.Text.Json;

namespace Outreach.Emulators.Tests.Zalo;

/// <summary>The shape of a JSON document: every property path with its value kind ("data.quota.remain:String"…).</summary>
internal static class ZaloJsonShape
{
    public static IReadOnlyList<string> Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new List<string>();
        Walk(document.RootElement, "", paths);
        return paths.Order(StringComparer.Ordinal).ToList();
    }

    private static void Walk(JsonElement element, string path, List<string> paths)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, paths);
            }

            return;
        }

        var kind = element.ValueKind is JsonValueKind.True or JsonValueKind.False ? "Boolean" : element.ValueKind.ToString();
        paths.Add(path + ":" + kind);
    }
}
