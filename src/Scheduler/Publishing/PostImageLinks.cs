using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Outreach.Content.Posts;
using Outreach.Content.Publishing;

namespace Outreach.Scheduler.Publishing;

/// <summary>
/// The public address of a post's image, as a platform downloads it (<c>{PublicBaseUrl}/media/post-images/{id}/{sha256}</c>):
/// a Zalo article's cover, a Messenger card's image. Null without an image or without <see cref="PublishingOptions.PublicBaseUrl"/>.
/// An image never changes under its id, so its hash is read once per process.
/// </summary>
public sealed class PostImageLinks(PostImageStore images, IOptions<PublishingOptions> options)
{
    public const string PathPrefix = "/media/post-images/";

    private readonly ConcurrentDictionary<long, string?> _hashes = new();

    public async Task<string?> UrlAsync(Post post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (post.ImageId is not { } id || options.Value.PublicBaseUrl is not { } baseUrl)
        {
            return null;
        }

        if (!_hashes.TryGetValue(id, out var hash))
        {
            hash = (await images.FindAsync(id, cancellationToken))?.Sha256;
            _hashes[id] = hash;
        }

        return hash is null ? null : $"{baseUrl.AbsoluteUri.TrimEnd('/')}{PathPrefix}{id}/{hash}";
    }
}
