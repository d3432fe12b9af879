using Microsoft.AspNetCore.Http;
using Outreach.Content.Publishing;

namespace Outreach.Bot.Channels.Zalo.Publishing;

/// <summary>
/// <c>GET /media/post-images/{id}/{sha256}</c>: a post's image as the platforms download it (Zalo fetches an article's cover
/// from its URL). Outside /staff, with no sign-in: the address names the image by its content's SHA-256, so only a link the
/// gateway handed out finds it; a wrong hash or an unknown id gets a plain 404.
/// </summary>
public static class PostImageEndpoints
{
    public const string PathPrefix = Outreach.Scheduler.Publishing.PostImageLinks.PathPrefix;

    public static IEndpointRouteBuilder MapPostImages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(PathPrefix + "{id:long}/{sha256}", [HttpMethods.Get, HttpMethods.Head], ServeAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(long id, string sha256, PostImageStore images, HttpContext http, CancellationToken cancellationToken)
    {
        if (await images.FindAsync(id, cancellationToken) is not { } image || !string.Equals(image.Sha256, sha256, StringComparison.Ordinal)
            || await images.ReadAsync(id, cancellationToken) is not { } bytes)
        {
            return Results.Text("Không tìm thấy ảnh.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        // The content never changes under this address.
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(bytes, image.ContentType);
    }
}
