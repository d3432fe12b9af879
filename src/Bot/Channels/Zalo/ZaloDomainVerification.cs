using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// Zalo accepts a webhook URL only on a verified domain (PLATFORM-ZALO.md §2.1): either the home page carries
/// <c>&lt;meta name="zalo-platform-site-verification" content="…"&gt;</c> or the domain serves the HTML file Zalo offers. Both
/// come from configuration (<c>Outreach:Zalo:SiteVerification</c>, <c>…:VerificationFileName</c> / <c>…:VerificationFileContent</c>).
/// </summary>
public static class ZaloDomainVerification
{
    public const string MetaName = "zalo-platform-site-verification";

    /// <summary>Maps <c>GET /</c> (the meta tag) and <c>GET /{file}</c> when configured; nothing otherwise.</summary>
    public static IEndpointRouteBuilder MapZaloDomainVerification(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var settings = endpoints.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value;
        if (settings.SiteVerification is { Length: > 0 } content)
        {
            var html = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + $"<meta name=\"{MetaName}\" content=\"{WebUtility.HtmlEncode(content)}\"><title>Hội LHPN</title></head>"
                + "<body><p>Kênh hỗ trợ hội viên của Hội Liên hiệp Phụ nữ.</p></body></html>";
            endpoints.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        }

        if (settings.VerificationFileName is { Length: > 0 } name && IsPlainFileName(name))
        {
            var body = settings.VerificationFileContent ?? "";
            endpoints.MapGet("/" + name, () => Results.Content(body, "text/html; charset=utf-8"));
        }

        return endpoints;
    }

    // One path segment of safe characters (Zalo's files look like zalo_verifier….html): never a route pattern or a path.
    private static bool IsPlainFileName(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') && !name.StartsWith('.');
}
