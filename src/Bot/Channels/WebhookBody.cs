using Microsoft.AspNetCore.Http;

namespace Outreach.Bot.Channels;

/// <summary>
/// Reads a webhook's body as the raw bytes the platform signed (never re-serialised: Meta signs its \uXXXX-escaped text,
/// Zalo its exact bytes), refusing bodies over a limit with 413 before reading them whole.
/// </summary>
public static class WebhookBody
{
    /// <summary>The default limit: far above any real webhook (Messenger batches are a few kB), far below anything harmful.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>The body, or (when it is too large) null and a 413 result to return.</summary>
    public static async Task<(byte[]? Body, IResult? Refusal)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem($"Body larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
