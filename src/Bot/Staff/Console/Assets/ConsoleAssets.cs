using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Outreach.Bot.Staff.Console.Assets;

/// <summary>
/// The console's stylesheet and script, embedded in the assembly (so the gateway serves them from wherever it runs, tests
/// included) and served under a content hash: browsers keep them for a year and fetch again only when they change.
/// </summary>
public static class ConsoleAssets
{
    private static readonly FrozenDictionary<string, Asset> Assets = new[]
    {
        Load("console.css", "text/css; charset=utf-8"),
        Load("console.js", "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    public static string StylesheetUrl { get; } = Assets["console.css"].Url;

    public static string ScriptUrl { get; } = Assets["console.js"].Url;

    public static IEndpointRouteBuilder MapConsoleAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/staff/assets/{name}", (string name, HttpContext http) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: new EntityTagHeaderValue(asset.ETag));
        });
        return endpoints;
    }

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("Outreach.Bot.Staff.Console.Assets." + name)
            ?? throw new InvalidOperationException($"The console asset {name} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
        return new Asset(name, contentType, content, $"\"{hash}\"", $"/staff/assets/{name}?v={hash}");
    }

    private sealed record Asset(string Name, string ContentType, byte[] Content, string ETag, string Url);
}
