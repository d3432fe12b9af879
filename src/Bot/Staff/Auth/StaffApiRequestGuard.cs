using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Outreach.Bot.Staff.Auth;

/// <summary>
/// Cross-site request forgery on the cookie-authenticated JSON API (/staff/api). A change (POST, PUT, PATCH, DELETE) must
/// be JSON (<c>Content-Type: application/json</c>) or carry <c>X-Requested-With</c>: an HTML form of another page can send
/// neither, and a script of another origin cannot without a CORS preflight, which the gateway never grants. A browser's own
/// word is checked too: <c>Sec-Fetch-Site</c> other than same-origin, or an <c>Origin</c> other than the gateway's, is refused.
/// The console's HTML forms are not under /staff/api; they carry antiforgery tokens.
/// </summary>
public static class StaffApiRequestGuard
{
    public const string ApiPath = "/staff/api";
    public const string CustomHeader = "X-Requested-With";

    public static IApplicationBuilder UseStaffApiRequestGuard(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ApiPath, StringComparison.Ordinal) && IsChange(context.Request.Method),
            branch => branch.Use(async (context, next) =>
            {
                if (Refusal(context.Request) is { } refusal)
                {
                    await refusal.ExecuteAsync(context);
                    return;
                }

                await next(context);
            }));

    /// <summary>Why this change request is refused, or null when it may go on.</summary>
    internal static IResult? Refusal(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return Results.Problem("Yêu cầu đến từ trang khác nên bị từ chối.", statusCode: StatusCodes.Status403Forbidden);
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, OwnOrigin(request), StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem("Yêu cầu đến từ trang khác nên bị từ chối.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!IsJson(request.ContentType) && !request.Headers.ContainsKey(CustomHeader))
        {
            return Results.Problem(
                "Yêu cầu thay đổi dữ liệu phải gửi dạng JSON (Content-Type: application/json) " +
                "hoặc có header X-Requested-With.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        return null;
    }

    private static bool IsChange(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static string OwnOrigin(HttpRequest request) => request.Scheme + "://" + request.Host.ToUriComponent();

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
