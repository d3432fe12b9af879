using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Outreach.Emulators.Common;

namespace Outreach.Emulators.Messenger;

/// <summary>
/// Facebook's Graph Send API and webhook sender on loopback. It checks calls as Meta does (Page token, appsecret_proof,
/// required fields, 2000-character text, ≤ 13 quick replies, ≤ 3 buttons, the 24-hour window on its own clock), answers
/// with Meta's real success and error bodies, records what it got, and posts correctly signed webhooks to a gateway.
/// </summary>
public sealed partial class MessengerEmulator : EmulatorServer
{
    private readonly ConcurrentDictionary<(string Page, string Psid), DateTimeOffset> _lastInteraction = new();
    private readonly ConcurrentDictionary<string, bool> _blocked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _expiredTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(Func<JsonElement, bool> Match, string Body, int Status)> _sendFaults = new();
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, string Body)> _throttledUntil = new(StringComparer.Ordinal);
    private int _throttledSends;
    private readonly ConcurrentDictionary<string, PageCalls> _pageCalls = new(StringComparer.Ordinal);
    // Shared by all emulators of the process: webhook posts are short, and an HttpClient per emulator would need disposing.
    private static readonly HttpClient WebhookClient = new() { Timeout = TimeSpan.FromSeconds(15) };

    private MessengerEmulator(MessengerEmulatorOptions options)
    {
        Options = options;
    }

    public MessengerEmulatorOptions Options { get; }

    /// <summary>
    /// Whether Meta approved the app's Human Agent feature (default false, as for a new app): without it a HUMAN_AGENT send is
    /// refused whatever the window.
    /// </summary>
    public bool HumanAgentApproved { get; set; }

    /// <summary>The first (default) Page of <see cref="MessengerEmulatorOptions.PageTokens"/>.</summary>
    public string PageId => Options.PageTokens.Keys.First();

    /// <summary>The Send API calls received (accepted or refused), in order.</summary>
    public IReadOnlyList<MessengerSend> Sends => Received.Select(MessengerSend.From).OfType<MessengerSend>().ToList();

    public static async Task<MessengerEmulator> StartAsync(MessengerEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new MessengerEmulator(options ?? new MessengerEmulatorOptions());
        await emulator.StartServerAsync(cancellationToken);
        return emulator;
    }

    /// <summary>
    /// The configuration the gateway needs to talk to this emulator (section Outreach:Messenger), with the Pages of the main
    /// app (<see cref="MessengerEmulatorOptions.AppSecret"/>); Pages of other apps are added as accounts in the console.
    /// </summary>
    public Dictionary<string, string?> GatewaySettings(string verifyToken = "test-verify-token")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outreach:Messenger:AppSecret"] = Options.AppSecret,
            ["Outreach:Messenger:VerifyToken"] = verifyToken,
            ["Outreach:Messenger:GraphBaseUrl"] = BaseAddress.ToString(),
        };
        var i = 0;
        foreach (var (page, token) in Options.PageTokens.Where(p => !Options.PageAppSecrets.ContainsKey(p.Key)))
        {
            settings[$"Outreach:Messenger:Pages:{i}:PageId"] = page;
            settings[$"Outreach:Messenger:Pages:{i++}:AccessToken"] = token;
        }

        return settings;
    }

    /// <summary>Waits for a Send API call that matches (already received ones count).</summary>
    public async Task<MessengerSend> WaitForSendAsync(Func<MessengerSend, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var request = await WaitForRequestAsync(r => MessengerSend.From(r) is { } send && match(send), timeout, cancellationToken);
        return MessengerSend.From(request)!;
    }

    /// <summary>A webhook body builder for this emulator's Page and clock.</summary>
    public MessengerWebhookBuilder Webhook(string? pageId = null, long? entryTime = null) => new(pageId ?? PageId, Options.Clock, entryTime);

    /// <summary>Records that a member wrote (opening the 24-hour window) without sending a webhook.</summary>
    public void UserInteracted(string psid, DateTimeOffset? at = null, string? pageId = null) =>
        _lastInteraction.AddOrUpdate((pageId ?? PageId, psid), at ?? Options.Clock.GetUtcNow(), (_, old) => Max(old, at ?? Options.Clock.GetUtcNow()));

    /// <summary>The member blocked the Page: sends to her get (#551) 1545041.</summary>
    public void Block(string psid) => _blocked[psid] = true;

    /// <summary>The Page's token expires: calls get (#190) 463.</summary>
    public void ExpireToken(string? pageId = null) => _expiredTokens[pageId ?? PageId] = true;

    /// <summary>The next Send API call gets this Graph error (from <see cref="MessengerGraphErrors"/>) instead of its answer.</summary>
    public void FailNextSend(string errorBody, int status = 400, IReadOnlyDictionary<string, string>? headers = null) =>
        Inject(new Fault { Status = status, Body = errorBody, PathContains = "/messages", Headers = headers ?? new Dictionary<string, string>() });

    /// <summary>The next Send API call whose JSON body matches gets this Graph error (e.g. only the second part of a long text).</summary>
    public void FailNextSendWhere(Func<JsonElement, bool> match, string errorBody, int status = 400) =>
        _sendFaults.Enqueue((match ?? throw new ArgumentNullException(nameof(match)), errorBody, status));

    /// <summary>
    /// Meta's rate limit on the Page for <paramref name="duration"/> (on the emulator's clock): every Send API call gets
    /// <paramref name="errorBody"/> (default (#80006), or <see cref="MessengerGraphErrors.CallRateLimit"/> for 613) with the
    /// usage header's estimated_time_to_regain_access in minutes, as Meta answers, and a Retry-After in seconds so a test need
    /// not wait whole minutes (the gateway reads Retry-After first).
    /// </summary>
    public void ThrottlePage(TimeSpan duration, string? errorBody = null, string? pageId = null) =>
        _throttledUntil[pageId ?? PageId] = (Options.Clock.GetUtcNow() + duration, errorBody ?? MessengerGraphErrors.PageRateLimit());

    /// <summary>Send API calls refused by <see cref="ThrottlePage"/>.</summary>
    public int ThrottledSends => _throttledSends;

    /// <summary>The next Send API call is answered normally, but only after <paramref name="delay"/> (a client may time out first).</summary>
    public void DelayNextSend(TimeSpan delay) => Inject(new Fault { Delay = delay, PathContains = "/messages" });

    /// <summary>The next Send API call loses its connection without an answer.</summary>
    public void DropNextSend() => Inject(new Fault { DropConnection = true, PathContains = "/messages" });

    /// <summary>Posts a signed webhook built by <paramref name="webhook"/>, after noting the member interactions it carries.</summary>
    public async Task<HttpResponseMessage> SendWebhookAsync(Uri gatewayWebhook, MessengerWebhookBuilder webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        foreach (var (psid, at) in webhook.Interactions)
        {
            UserInteracted(psid, at, webhook.PageId);
        }

        return await PostWebhookAsync(gatewayWebhook, webhook.Build(), cancellationToken);
    }

    /// <summary>
    /// Posts <paramref name="body"/> exactly as given, signed as Meta signs (sha256 and legacy sha1 headers) with the secret of
    /// the app of the first Page it names (<c>entry[0].id</c>).
    /// </summary>
    public Task<HttpResponseMessage> PostWebhookAsync(Uri gatewayWebhook, string body, CancellationToken cancellationToken) =>
        PostRawAsync(gatewayWebhook, Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body))),
            Options.AppSecretOf(FirstPageOf(body)), cancellationToken);

    /// <summary>How this emulator delivers webhooks: Meta's 5-second deadline, its retries, and unsubscribing after an hour of failure.</summary>
    public WebhookDeliverer Webhooks => _webhooks ??= new WebhookDeliverer(Options.WebhookTimeout, Options.WebhookRetryLadder);

    private WebhookDeliverer? _webhooks;

    /// <summary>Delivers a signed body as Meta does (issue 11.10): 5 s to answer 200, resent until acknowledged or disabled.</summary>
    public Task<WebhookDelivery> DeliverWebhookAsync(Uri gatewayWebhook, string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body)));
        return Webhooks.DeliverAsync((_, ct) => PostRawAsync(gatewayWebhook, bytes, Options.AppSecret, ct), cancellationToken);
    }

    /// <summary>Posts <paramref name="body"/> signed with another secret: what a forger (or a wrong AppSecret) produces.</summary>
    public Task<HttpResponseMessage> PostWithBadSignatureAsync(Uri gatewayWebhook, string body, CancellationToken cancellationToken) =>
        PostRawAsync(gatewayWebhook, Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body))), "not-the-app-secret", cancellationToken);

    /// <summary>Posts the same bytes twice, as Meta does when it did not see the first answer.</summary>
    public async Task<(HttpResponseMessage First, HttpResponseMessage Replay)> PostAndReplayAsync(
        Uri gatewayWebhook, string body, CancellationToken cancellationToken) =>
        (await PostWebhookAsync(gatewayWebhook, body, cancellationToken), await PostWebhookAsync(gatewayWebhook, body, cancellationToken));

    /// <summary>Posts raw bytes with the signature of <paramref name="secret"/> (null: no signature headers at all).</summary>
    public async Task<HttpResponseMessage> PostRawAsync(Uri gatewayWebhook, byte[] body, string? secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, gatewayWebhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("facebookexternalua");
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature", MetaJson.Sign1(body, secret));
            request.Headers.Add("X-Hub-Signature-256", MetaJson.Sign256(body, secret));
        }

        return await WebhookClient.SendAsync(request, cancellationToken);
    }

    protected override void MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/{version}/{node}/messages", HandleSendAsync);
        app.MapGet("/{version}/{node}/insights", HandleInsights);
        app.MapPost("/{version}/{node}/feed", HandleFeedPostAsync);
        app.MapGet("/{version}/{node}/feed", HandleFeedList);
        app.MapPost("/{version}/{node}/photos", HandlePhotoPostAsync);
        app.MapGet("/{version}/{node}", HandleProfile);
    }

    private static string? FirstPageOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array
                && entries.GetArrayLength() > 0 && entries[0].TryGetProperty("id", out var id)
                ? id.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private DateTimeOffset? LastInteraction(string page, string psid) =>
        _lastInteraction.TryGetValue((page, psid), out var at) ? at : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
