using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.Testing;

/// <summary>A staff member's HTTP client for /staff/api: signs in with the cookie and keeps it.</summary>
public sealed class StaffApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies;

    private StaffApiClient(Uri baseAddress, CookieContainer? cookies = null)
    {
        _cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = baseAddress };
    }

    /// <summary>The same session (the same cookie) against another host of the gateway.</summary>
    public StaffApiClient At(Uri otherHost) => new(otherHost, _cookies);

    public static async Task<StaffApiClient> SignInAsync(Uri baseAddress, string username, string password = Seed.Password, CancellationToken ct = default)
    {
        var client = new StaffApiClient(baseAddress);
        using var response = await client._http.PostAsJsonAsync(new Uri("/staff/api/session", UriKind.Relative), new { username, password }, ct);
        response.EnsureSuccessStatusCode();
        return client;
    }

    public static StaffApiClient Anonymous(Uri baseAddress) => new(baseAddress);

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body, CancellationToken ct = default)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body ?? new { }, ct);
        return (response.StatusCode, await ReadAsync(response, ct));
    }

    /// <summary>Uploads a file as the multipart form field <c>file</c> (marked X-Requested-With, as the API's cross-site guard asks).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostFileAsync(string path, byte[] content, string fileName, CancellationToken ct = default)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = form };
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        using var response = await _http.SendAsync(request, ct);
        return (response.StatusCode, await ReadAsync(response, ct));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(string path, object body, CancellationToken ct = default)
    {
        using var response = await _http.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, ct);
        return (response.StatusCode, await ReadAsync(response, ct));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), ct);
        return (response.StatusCode, await ReadAsync(response, ct));
    }

    /// <summary>A file download (an export): the status, the bytes and the content type.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body, string? ContentType)> GetBytesAsync(string path, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), ct);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>A file download with the name it is offered under (Content-Disposition's filename*, else filename).</summary>
    public async Task<(HttpStatusCode Status, byte[] Body, string? FileName)> DownloadAsync(string path, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), ct);
        var disposition = response.Content.Headers.ContentDisposition;
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct), disposition?.FileNameStar ?? disposition?.FileName);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
