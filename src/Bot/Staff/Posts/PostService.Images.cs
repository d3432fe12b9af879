using Microsoft.Extensions.Options;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Posts;
using Outreach.Content.Publishing;
using Outreach.Scheduler.Publishing;

namespace Outreach.Bot.Staff.Posts;

/// <summary>A post's image: uploaded (checked by its content), replaced or removed like any edit (an approved post goes back for approval).</summary>
public sealed partial class PostService
{
    /// <summary>Reads at most <paramref name="maxBytes"/> + 1 bytes of an upload (more is "too large" without reading it all).</summary>
    public static async Task<byte[]> ReadUploadAsync(Stream content, int maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Gives the post the uploaded image (replacing any), when it is a JPEG or PNG within the limit; otherwise Invalid with the reason.</summary>
    public async Task<StaffResult<PostImage>> AttachImageAsync(
        StaffSession session, long id, byte[]? bytes, PostImageStore images, IOptions<PublishingOptions> options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        var found = await FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var existing = found.Value.Post;
        if (EditRefusal(session, existing) is { } refusal)
        {
            return refusal;
        }

        var (image, problem) = PostImageCheck.Check(bytes ?? [], options.Value.MaxImageBytes);
        if (image is null)
        {
            return StaffRefusal.Invalid(PostImageCheck.Field, problem!);
        }

        var stored = await images.SaveAsync(bytes!, image.ContentType, image.Width, image.Height, session.User.Id, options.Value.ImageFolder, ct);
        return await ChangeImageAsync(session, existing, stored.Id, ct) is { } conflict ? conflict : stored;
    }

    /// <summary>Takes the image off the post.</summary>
    public async Task<StaffResult<Post>> RemoveImageAsync(StaffSession session, long id, CancellationToken ct)
    {
        var found = await FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        if (EditRefusal(session, found.Value.Post) is { } refusal)
        {
            return refusal;
        }

        return await ChangeImageAsync(session, found.Value.Post, null, ct) is { } conflict ? conflict : (await posts.FindAsync(id, ct))!;
    }

    // An image is part of the content: the change is an edit (kept in post_edits; an approved or scheduled post goes back for approval).
    private async Task<StaffRefusal?> ChangeImageAsync(StaffSession session, Post existing, long? imageId, CancellationToken ct)
    {
        if (!await posts.UpdateAsync(existing with { ImageId = imageId }, session.User.Id, existing.Status, ct, ReapprovalNote))
        {
            return StaffRefusal.Conflict("Không sửa được", "Bài này vừa đổi trạng thái. Hãy tải lại để xem trạng thái mới.");
        }

        if (existing.Status == PostStatuses.Scheduled)
        {
            control.StopSchedule(existing.Id);
        }

        return null;
    }
}
