using System.Text.Json;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// The fields a member submitted in a <c>request_user_info</c> form, in one flat shape. Zalo has sent two (§8.3): the current
/// <c>{name, phone, user_dob, gender, full_address{user_city, user_ward, user_address}}</c> and the older
/// <c>{name, phone, address, city, district, ward}</c>; both become <c>{name, phone, dob, gender, address, ward, district, city}</c>.
/// </summary>
public static class ZaloSubmittedInfo
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The submitted fields as a JSON object (only those present), or null when the event carried no <c>info</c>.</summary>
    public static string? ToJson(JsonElement? info)
    {
        if (info is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var address = root.TryGetProperty("full_address", out var full) && full.ValueKind == JsonValueKind.Object ? full : default;
        var fields = new Dictionary<string, string?>
        {
            ["name"] = Read(root, "name"),
            ["phone"] = Read(root, "phone"),
            ["dob"] = Read(root, "user_dob") ?? Read(root, "dob"),
            ["gender"] = Read(root, "gender"),
            ["address"] = Read(address, "user_address") ?? Read(root, "address"),
            ["ward"] = Read(address, "user_ward") ?? Read(root, "ward"),
            ["district"] = Read(address, "user_district") ?? Read(root, "district"),
            ["city"] = Read(address, "user_city") ?? Read(root, "city"),
        };
        return JsonSerializer.Serialize(fields.Where(f => f.Value is not null).ToDictionary(), Options);
    }

    private static string? Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
