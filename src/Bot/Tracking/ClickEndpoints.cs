using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Outreach.Content.Stats;

namespace Outreach.Bot.Tracking;

/// <summary>
/// <c>GET /r/{token}</c>: a member tapped the link of a broadcast. The token (<see cref="ClickLinks"/>) names her delivery;
/// the click is counted (once per <see cref="TrackingOptions.ClickWindowMinutes"/>: a replayed link is one lượt) and she is
/// sent on to that post's own link, never anywhere a request names. A forged, altered or unknown token gets a plain
/// Vietnamese 404. Link-preview crawlers and HEAD requests are redirected but not counted.
/// </summary>
public static class ClickEndpoints
{
    /// <summary>Maps the redirect endpoint (outside /staff: members are not signed in).</summary>
    public static IEndpointRouteBuilder MapClickTracking(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(ClickLinks.PathPrefix + "{token}", [HttpMethods.Get, HttpMethods.Head], RedirectAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> RedirectAsync(
        string token, HttpContext http, ClickLinks links, ReachEventStore events, IOptions<TrackingOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        // The token identifies a member's delivery: keep it out of caches and out of the Referer the destination sees.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (!links.IsEnabled || !links.TryRead(token, out var broadcastId, out var contactId))
        {
            return Gone();
        }

        var count = HttpMethods.IsGet(http.Request.Method) && !links.IsPreviewer(http.Request.Headers.UserAgent.ToString());
        var window = TimeSpan.FromMinutes(options.Value.ClickWindowMinutes);
        var target = await events.RecordClickAsync(broadcastId, contactId, count, time.GetUtcNow(), window, cancellationToken);
        return target is not null && Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? Results.Redirect(uri.AbsoluteUri)
            : Gone();
    }

    private static IResult Gone() => Results.Content(
        """
        <!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>Liên kết không còn hiệu lực</title>
        <p>Liên kết này không đúng hoặc không còn hiệu lực. Chị có thể nhắn tin cho Hội qua Zalo hoặc Messenger để được hỗ trợ.</p>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: (int)HttpStatusCode.NotFound);
}
