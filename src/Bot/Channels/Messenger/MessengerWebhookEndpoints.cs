using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// <c>/webhooks/facebook</c>: the GET verification handshake and the POST event notifications. A POST only reads the raw
/// bytes, checks the signature, stores every event in the inbox and answers 200; turns run later from the inbox, so the
/// answer comes well within Meta's 5 seconds (PLATFORM-MESSENGER.md §1.5).
/// </summary>
public static partial class MessengerWebhookEndpoints
{
    public const string Path = "/webhooks/facebook";

    private const string LogCategory = "Outreach.Bot.Channels.Messenger.MessengerWebhook";

    /// <summary>Maps the Messenger webhook (GET handshake, POST events).</summary>
    public static IEndpointRouteBuilder MapMessengerWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, Verify);
        endpoints.MapPost(Path, ReceiveAsync);
        return endpoints;
    }

    private static IResult Verify(HttpRequest request, IOptions<MessengerOptions> options)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return NotConfigured();
        }

        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        var tokenMatches = CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(settings.VerifyToken ?? ""));
        return mode == "subscribe" && tokenMatches && challenge.Length is > 0 and <= 256
            ? Results.Text(challenge, "text/plain; charset=utf-8")
            : Results.Problem("hub.verify_token không khớp hoặc thiếu hub.mode=subscribe / hub.challenge.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, IOptions<MessengerOptions> options, IInbox inbox, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return NotConfigured();
        }

        var (body, refusal) = await WebhookBody.ReadAsync(request, settings.MaxWebhookBytes, cancellationToken);
        if (body is null)
        {
            return refusal!;
        }

        var logger = loggers.CreateLogger(LogCategory);
        if (!MessengerSignature.IsValid(body, request.Headers[MessengerSignature.HeaderName], settings.AppSecret!))
        {
            Log.MessengerBadSignature(logger, body.Length, request.Headers.ContainsKey(MessengerSignature.HeaderName));
            return Results.Problem("Chữ ký X-Hub-Signature-256 thiếu hoặc sai.", statusCode: StatusCodes.Status401Unauthorized);
        }

        MessengerWebhookBatch batch;
        try
        {
            batch = MessengerWebhookReader.Read(body);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            Log.MessengerUnreadable(logger, body.Length, ex.GetType().Name);
            return Results.Problem("Thân webhook không phải JSON đúng dạng Messenger (object, entry[]).", statusCode: StatusCodes.Status400BadRequest);
        }

        if (batch.ObjectType != "page")
        {
            Log.MessengerOtherObject(logger, batch.ObjectType);
        }

        foreach (var keys in batch.UnknownKinds)
        {
            Log.MessengerUnknownKind(logger, keys);
        }

        if (batch.Events.Count > 0)
        {
            await inbox.AcceptAsync(batch.Events, cancellationToken);
        }

        return Results.Text("EVENT_RECEIVED");
    }

    private static IResult NotConfigured() => Results.Problem(
        "Kênh Messenger chưa được cấu hình (Outreach:Messenger: AppSecret, VerifyToken, Pages).",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
