using System.Net;
using System.Text.RegularExpressions;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// A browser-like client of the console over real HTTP: it keeps the cookies, reads the antiforgery token out of the
/// pages it gets (as a browser posts the hidden field) and does not follow redirects, so tests see them.
/// </summary>
internal sealed partial class ConsoleClient : IDisposable
{
    private readonly HttpClient _http;
    private string? _token;

    private ConsoleClient(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public static ConsoleClient Anonymous(Uri baseAddress) => new(baseAddress);

    public static async Task<ConsoleClient> SignInAsync(Uri baseAddress, string username, string password = Testing.Seed.Password)
    {
        var client = new ConsoleClient(baseAddress);
        await client.GetAsync("/staff/login");
        var signedIn = await client.PostFormAsync("/staff/login", ("Username", username), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);

        // The token is bound to who is signed in: the one from the sign-in page is stale now.
        client._token = null;
        return client;
    }

    public async Task<ConsolePage> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    /// <summary>Posts a form as the console's pages do, with the antiforgery token of the last page (or of /staff).</summary>
    public Task<ConsolePage> PostFormAsync(string path, params (string Name, string Value)[] fields) => PostAsync(path, fields,
        withToken: true);

    /// <summary>Posts a form without the antiforgery token: what a forged cross-site form sends.</summary>
    public Task<ConsolePage> PostFormWithoutTokenAsync(string path, params (string Name, string Value)[] fields) => PostAsync(path, fields,
        withToken: false);

    /// <summary>Posts a multipart form with a file field <c>file</c> and the antiforgery token, as the import form does.</summary>
    public async Task<ConsolePage> PostFileAsync(string path, byte[] content, string fileName)
    {
        _token ??= (await GetAsync("/staff")).Token ?? throw new InvalidOperationException("No antiforgery token on /staff.");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(_token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(content), "file", fileName);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), form, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    public void Dispose() => _http.Dispose();

    private async Task<ConsolePage> PostAsync(string path, (string Name, string Value)[] fields, bool withToken)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (withToken)
        {
            _token ??= (await GetAsync("/staff")).Token ?? throw new InvalidOperationException("No antiforgery token on /staff.");
            values.Add(new("__RequestVerificationToken", _token));
        }

        using var content = new FormUrlEncodedContent(values);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    private async Task<ConsolePage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
        _token = token ?? _token;
        return new ConsolePage(response.StatusCode, html, response.Headers.Location?.OriginalString, token);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>What the console answered: the status, the HTML, where a redirect points, the page's antiforgery token.</summary>
internal sealed record ConsolePage(HttpStatusCode Status, string Html, string? Location, string? Token)
{
    /// <summary>The HTML with entities decoded, for checks on visible Vietnamese text.</summary>
    public string Text => WebUtility.HtmlDecode(Html);
}
