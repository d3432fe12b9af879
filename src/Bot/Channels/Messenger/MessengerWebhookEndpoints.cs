using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Outreach.Bot.Inbox;
using Outreach.Content.Inbox;

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
        HttpRequest request, IOptions<MessengerOptions> options, InboxStore inbox, InboxSignal signal, ILoggerFactory loggers,
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
            LogBadSignature(logger, body.Length, request.Headers.ContainsKey(MessengerSignature.HeaderName));
            return Results.Problem("Chữ ký X-Hub-Signature-256 thiếu hoặc sai.", statusCode: StatusCodes.Status401Unauthorized);
        }

        MessengerWebhookBatch batch;
        try
        {
            batch = MessengerWebhookReader.Read(body);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            LogUnreadable(logger, body.Length, ex.GetType().Name);
            return Results.Problem("Thân webhook không phải JSON đúng dạng Messenger (object, entry[]).", statusCode: StatusCodes.Status400BadRequest);
        }

        if (batch.ObjectType != "page")
        {
            LogOtherObject(logger, batch.ObjectType);
        }

        foreach (var keys in batch.UnknownKinds)
        {
            LogUnknownKind(logger, keys);
        }

        if (batch.Events.Count > 0)
        {
            await inbox.AppendAsync(batch.Events, cancellationToken);
            signal.Pulse();
        }

        return Results.Text("EVENT_RECEIVED");
    }

    private static IResult NotConfigured() => Results.Problem(
        "Kênh Messenger chưa được cấu hình (Outreach:Messenger: AppSecret, VerifyToken, Pages).",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning,
        Message = "Messenger webhook refused: X-Hub-Signature-256 missing or wrong ({Bytes} bytes, header present: {HasHeader}). If every delivery fails, check Outreach:Messenger:AppSecret: Meta unsubscribes the Page after an hour of failures")]
    private static partial void LogBadSignature(ILogger logger, int bytes, bool hasHeader);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Messenger webhook refused: signed but unreadable ({Bytes} bytes, {Error})")]
    private static partial void LogUnreadable(ILogger logger, int bytes, string error);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Information, Message = "Messenger webhook for object '{ObjectType}' ignored (only 'page' is served)")]
    private static partial void LogOtherObject(ILogger logger, string objectType);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Information, Message = "Messenger webhook: event of unknown kind (keys: {Keys}) stored and ignored")]
    private static partial void LogUnknownKind(ILogger logger, string keys);
}
