using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// <c>/webhooks/facebook</c>: the GET verification handshake and the POST event notifications. A POST only reads the raw
/// bytes, finds the Pages it names (<c>entry[].id</c>), checks the signature with those Pages' app secret, stores their events
/// in the inbox and answers 200; turns run later from the inbox, so the answer comes well within Meta's 5 seconds
/// (PLATFORM-MESSENGER.md §1.5). A body for Pages that are not active accounts here is acknowledged and stored nowhere.
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
        if (string.IsNullOrEmpty(settings.VerifyToken))
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
        HttpRequest request, IOptions<MessengerOptions> options, IChannelAccounts accounts, IInbox inbox, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var all = await accounts.ListAsync(MessengerChannel.Name, cancellationToken);
        if (all.Count == 0 && !settings.IsConfigured)
        {
            return NotConfigured();
        }

        var (body, refusal) = await WebhookBody.ReadAsync(request, settings.MaxWebhookBytes, cancellationToken);
        if (body is null)
        {
            return refusal!;
        }

        var logger = loggers.CreateLogger(LogCategory);
        var header = request.Headers[MessengerSignature.HeaderName].ToString();
        IReadOnlyList<string> pageIds;
        try
        {
            pageIds = MessengerWebhookReader.PageIds(body);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            // Nothing names a Page: signed by one of ours, it is our app's and unreadable (400); otherwise unauthenticated.
            return SignedBy(all, body, header) is null
                ? BadSignature(logger, body, request)
                : Unreadable(logger, body, ex);
        }

        var known = pageIds.Select(id => all.FirstOrDefault(a => a.AccountId == id)).OfType<ResolvedAccount>().ToList();
        if (pageIds.Count > 0 && known.Count == 0)
        {
            Log.MessengerUnknownPage(logger, string.Join(',', pageIds.Take(5)));
            return Results.Text("EVENT_RECEIVED");
        }

        // The app secret of the Pages named (or, for a body naming none, of any of ours) must have signed the bytes.
        var secret = SignedBy(known.Count > 0 ? known : all, body, header);
        if (secret is null)
        {
            return BadSignature(logger, body, request);
        }

        MessengerWebhookBatch batch;
        try
        {
            batch = MessengerWebhookReader.Read(body);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return Unreadable(logger, body, ex);
        }

        if (batch.ObjectType != "page")
        {
            Log.MessengerOtherObject(logger, batch.ObjectType);
        }

        foreach (var keys in batch.UnknownKinds)
        {
            Log.MessengerUnknownKind(logger, keys);
        }

        // Only the events of the Pages this secret belongs to: another Page in the same body is not vouched for by it.
        var vouched = known.Where(a => a.AppSecret == secret).Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var events = batch.Events.Where(e => e.AccountId is { } id && vouched.Contains(id)).ToList();
        if (events.Count < batch.Events.Count)
        {
            Log.MessengerUnknownPage(logger, string.Join(',', batch.Events.Select(e => e.AccountId ?? "?").Where(id => !vouched.Contains(id)).Distinct().Take(5)));
        }

        if (events.Count > 0)
        {
            await inbox.AcceptAsync(events, cancellationToken);
        }

        return Results.Text("EVENT_RECEIVED");
    }

    // The app secret (of these accounts) that signed the body, or null.
    private static string? SignedBy(IEnumerable<ResolvedAccount> candidates, byte[] body, string header) =>
        candidates.Select(a => a.AppSecret).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .FirstOrDefault(secret => MessengerSignature.IsValid(body, header, secret));

    private static IResult BadSignature(ILogger logger, byte[] body, HttpRequest request)
    {
        Log.MessengerBadSignature(logger, body.Length, request.Headers.ContainsKey(MessengerSignature.HeaderName));
        return Results.Problem("Chữ ký X-Hub-Signature-256 thiếu hoặc sai.", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static IResult Unreadable(ILogger logger, byte[] body, Exception ex)
    {
        Log.MessengerUnreadable(logger, body.Length, ex.GetType().Name);
        return Results.Problem("Thân webhook không phải JSON đúng dạng Messenger (object, entry[]).", statusCode: StatusCodes.Status400BadRequest);
    }

    private static IResult NotConfigured() => Results.Problem(
        "Kênh Messenger chưa được cấu hình (chưa có Trang Facebook nào: trang \"Trang và OA\" hoặc Outreach:Messenger).",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
