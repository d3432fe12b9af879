using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Outreach.Emulators.Messenger;

namespace Outreach.Emulators.Tests.Messenger;

/// <summary>A bare Send API caller for contract tests: what any Graph client would put on the wire.</summary>
internal sealed class SendApiClient(MessengerEmulator emulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = emulator.BaseAddress };

    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(
        string body, string? token = MessengerEmulatorOptions.DefaultPageToken, string? proofSecret = null, string node = MessengerEmulatorOptions.DefaultPageId,
        string version = "v25.0")
    {
        var uri = $"{version}/{node}/messages";
        if (proofSecret is not null && token is not null)
        {
            uri += "?appsecret_proof=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(proofSecret), Encoding.UTF8.GetBytes(token)));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(uri, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement, response);
    }

    public static string Text(string psid, string text, string? messagingType = "RESPONSE", string? tag = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["recipient"] = new { id = psid },
            ["messaging_type"] = messagingType,
            ["tag"] = tag,
            ["message"] = new { text },
        }.Where(kv => kv.Value is not null).ToDictionary());

    public void Dispose() => _http.Dispose();
}
