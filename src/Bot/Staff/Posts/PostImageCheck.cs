using SkiaSharp;

namespace Outreach.Bot.Staff.Posts;

/// <summary>
/// Whether uploaded bytes are an image a post may carry: JPEG or PNG as their content says (Skia's decoder reads the header;
/// the file's name and the type the browser claims count for nothing), no larger than the limit, with real dimensions.
/// </summary>
public static class PostImageCheck
{
    /// <summary>The field of the image, as the API and the form name it.</summary>
    public const string Field = "image";

    /// <summary>The image's type and size, or the Vietnamese reason it is refused.</summary>
    public static (CheckedImage? Image, string? Problem) Check(byte[] bytes, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return (null, "Chưa chọn ảnh (tệp rỗng).");
        }

        if (bytes.Length > maxBytes)
        {
            return (null, $"Ảnh nặng {Megabytes(bytes.Length)} MB, tối đa {Megabytes(maxBytes)} MB. Hãy giảm kích thước ảnh rồi tải lại.");
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        var type = codec?.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            SKEncodedImageFormat.Png => "image/png",
            _ => null,
        };
        if (codec is null || type is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return (null, "Tệp không phải ảnh JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên). Hãy chọn ảnh .jpg hoặc .png.");
        }

        return (new CheckedImage(type, codec.Info.Width, codec.Info.Height), null);
    }

    private static string Megabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}

/// <summary>What the check found out about an accepted image.</summary>
public sealed record CheckedImage(string ContentType, int Width, int Height);
