using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Channels.Zalo.Payloads;
using Outreach.Bot.Hosting;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Content.Inbox;
using Outreach.Emulators.Messenger;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels;

/// <summary>
/// Issue 11.11: the webhook readers and mappers under generated and mutated payloads (FsCheck). In process, at least 10,000
/// per channel: the readers throw only the malformed-input exceptions the endpoints answer with a 4xx, and every event they
/// read maps to activities without an exception. Over HTTP, signed bodies at a real gateway: never a 5xx, and every event a
/// 200 acknowledged is in the inbox (nothing acknowledged and lost). Figures: bench/README.md.
/// </summary>
public sealed class WebhookFuzzTests(PostgresServer server) : IAsyncLifetime
{
    private const int InProcessRuns = 10_000;
    private const int HttpRuns = 600;
    private static readonly string PageId = MessengerEmulatorOptions.DefaultPageId;
    private static readonly string OaId = new ZaloEmulatorOptions().OaId;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void MessengerReaderAndMapper_NoUnexpectedExceptionForGeneratedAndMutatedBodies()
    {
        var watch = Stopwatch.StartNew();
        var read = 0;
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(InProcessRuns).WithEndSize(200),
            Prop.ForAll(Bodies(MessengerBodies()).ToArbitrary(), body =>
            {
                if (ReadMessenger(body) is { } drafts)
                {
                    Interlocked.Increment(ref read);
                    foreach (var draft in drafts)
                    {
                        Mapped(() => MessengerActivityMapper.ToActivities(Row(draft), "GET_STARTED", "1929931607227568"));
                    }
                }
            }));
        Report($"Messenger in process: {InProcessRuns:N0} bodies ({read:N0} read as webhooks) in {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void ZaloReaderAndMapper_NoUnexpectedExceptionForGeneratedAndMutatedBodies()
    {
        var watch = Stopwatch.StartNew();
        var read = 0;
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(InProcessRuns).WithEndSize(200),
            Prop.ForAll(Bodies(ZaloBodies()).ToArbitrary(), body =>
            {
                if (ReadZalo(body) is { } zaloEvent)
                {
                    Interlocked.Increment(ref read);
                    var json = JsonbText.Safe(Encoding.UTF8.GetString(body)); // what the endpoint stores and the mapper reads
                    _ = ZaloInboxEvents.ToDraft(zaloEvent, json);
                    Mapped(() => ZaloActivityMapper.FromPayload(json));
                }
            }));
        Report($"Zalo in process: {InProcessRuns:N0} bodies ({read:N0} read as events) in {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task SignedBodiesAtTheGateway_NeverA5xxAndNothingAcknowledgedIsLost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        var settings = new Dictionary<string, string?>(messenger.GatewaySettings());
        foreach (var (key, value) in ZaloTestGateway.Settings(zalo))
        {
            settings[key] = value;
        }

        // Turns stay queued: this test is about what the webhook endpoints store, not the replies.
        settings["Outreach:Inbox:RunWorkers"] = "false";
        await using var host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
        var expected = new ConcurrentBag<(string Channel, string EventId)>();

        // Events for a Page or OA this installation does not have are acknowledged and dropped by design (issue 13.2: 200, a log
        // line, nothing stored); a mutated page or OA id makes such events, so only the installation's own accounts count.
        var pages = messenger.Options.PageTokens.Keys.ToHashSet(StringComparer.Ordinal);
        var statuses = new ConcurrentDictionary<int, int>();
        var watch = Stopwatch.StartNew();

        var messengerBodies = Bodies(MessengerBodies()).Sample(HttpRuns, 100);
        await Parallel.ForEachAsync(messengerBodies, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (body, token) =>
        {
            using var response = await messenger.PostRawAsync(new Uri(host.BaseAddress, "/webhooks/facebook"), body, messenger.Options.AppSecret, token);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {Show(body)}");
            if (response.StatusCode == HttpStatusCode.OK && EveryEntryOurs(body, pages) && ReadMessenger(body) is { } drafts)
            {
                foreach (var draft in drafts.Where(d => d.AccountId is { } page && pages.Contains(page)))
                {
                    expected.Add(("messenger", draft.PlatformEventId));
                }
            }
        });

        var zaloBodies = Bodies(ZaloBodies()).Sample(HttpRuns, 100);
        await Parallel.ForEachAsync(zaloBodies, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (body, token) =>
        {
            using var response = await PostZaloAsync(zalo, host, body, token);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {Show(body)}");
            if (response.StatusCode == HttpStatusCode.OK && ReadZalo(body) is { EventName: { Length: > 0 } name } zaloEvent
                && (ZaloEventNames.IsHandled(name) || ZaloEventNames.IsAdminEcho(name, zaloEvent.Sender?.AdminId))
                && ZaloInboxEvents.ToDraft(zaloEvent, JsonbText.Safe(Encoding.UTF8.GetString(body))) is { AccountId: { } oa } draft
                && oa == zalo.Options.OaId)
            {
                expected.Add(("zalo", draft.PlatformEventId));
            }
        });

        var stored = (await _database.DataSource.CreateConnection().QueryPairsAsync(ct)).ToHashSet();
        var lost = expected.Distinct().Where(e => !stored.Contains(e)).ToList();
        Report($"HTTP: {2 * HttpRuns:N0} signed bodies in {watch.Elapsed.TotalSeconds:F1} s; answers "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")) + $"; {expected.Distinct().Count():N0} events acknowledged, {lost.Count} lost");
        Assert.Empty(lost);
        Assert.NotEmpty(expected);
    }

    // The gateway routes Messenger entries by entry[].id: a body counts only when every entry names one of our Pages.
    private static bool EveryEntryOurs(byte[] body, HashSet<string> pages)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body)?["entry"] is System.Text.Json.Nodes.JsonArray entries
                && entries.All(e => e?["id"] is System.Text.Json.Nodes.JsonValue id && id.TryGetValue<string>(out var page) && pages.Contains(page));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return false; // not JSON or not UTF-8: the gateway stores nothing of it either
        }
    }

    // Valid-shaped bodies with generated content, then (two times in three) mutated: a value of another type, a field
    // removed, bytes cut, inserted or flipped.
    private static Gen<byte[]> Bodies(Gen<JsonNode> valid) =>
        from node in valid
        from mutation in Gen.OneOf(Gen.Constant(0), Gen.Choose(1, 3), Gen.Choose(4, 6))
        from seed in Gen.Choose(0, int.MaxValue)
        from junk in ArbMap.Default.GeneratorFor<string>()
        select Mutate(node, mutation, new Random(seed), Clean(junk));

    private static byte[] Mutate(JsonNode node, int mutation, Random random, string junk)
    {
        if (mutation is >= 1 and <= 3)
        {
            MutateTree(node, mutation, random, junk);
        }

        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
        return mutation switch
        {
            4 => bytes[..random.Next(bytes.Length + 1)],
            5 => Insert(bytes, random.Next(bytes.Length + 1), Encoding.UTF8.GetBytes(random.Next(2) == 0 ? junk : "\\ud83d" + junk)),
            6 => Flip(bytes, random),
            _ => bytes,
        };
    }

    private static void MutateTree(JsonNode node, int mutation, Random random, string junk)
    {
        var containers = Containers(node).ToList();
        var target = containers[random.Next(containers.Count)];
        if (target is JsonObject obj && obj.Count > 0)
        {
            var key = obj.ElementAt(random.Next(obj.Count)).Key;
            if (mutation == 1)
            {
                obj.Remove(key);
            }
            else
            {
                obj[key] = Odd(random, junk);
            }
        }
        else if (target is JsonArray array)
        {
            if (mutation == 1 && array.Count > 0)
            {
                array.RemoveAt(random.Next(array.Count));
            }
            else
            {
                array.Add(Odd(random, junk));
            }
        }
    }

    private static JsonNode? Odd(Random random, string junk) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(junk),
        2 => JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue)),
        3 => JsonValue.Create(-random.NextDouble() * 1e300),
        4 => new JsonArray(JsonValue.Create(junk), null, new JsonObject()),
        5 => new JsonObject { [junk.Length > 0 ? junk : "k"] = junk },
        6 => JsonValue.Create(true),
        7 => JsonValue.Create(junk + "\0\u202e\U0001F469" + new string('a', random.Next(5000))),
        _ => JsonValue.Create("9007199254740993"),
    };

    private static IEnumerable<JsonNode> Containers(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().Where(c => c is JsonObject or JsonArray))
        {
            foreach (var descendant in Containers(child))
            {
                yield return descendant;
            }
        }
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

    // FsCheck's strings may hold lone surrogates, which no JSON writer writes: those become U+FFFD (the raw \ud83d escape
    // is inserted by the byte mutations instead).
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        for (var i = 0; i < 1 + random.Next(4) && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static Gen<JsonNode> MessengerBodies() =>
        from kind in Gen.Choose(0, 8)
        from raw in ArbMap.Default.GeneratorFor<string>()
        let text = Clean(raw)
        from psid in Gen.Elements("5275811702471834", "1", "", "psid-\u0000")
        from standby in ArbMap.Default.GeneratorFor<bool>()
        select JsonNode.Parse(MessengerBody(kind, text, psid, standby))!;

    private static string MessengerBody(int kind, string text, string psid, bool standby)
    {
        var builder = new MessengerWebhookBuilder(PageId).NextEntry(standby: standby);
        builder = kind switch
        {
            0 => builder.Message(psid, text),
            1 => builder.QuickReply(psid, text, text),
            2 => builder.Attachment(psid, "image", "https://example.com/" + Uri.EscapeDataString(text)),
            3 => builder.Postback(psid, text, text),
            4 => builder.GetStarted(psid, reference: text),
            5 => builder.Referral(psid, text),
            6 => builder.Delivery(psid, [MessengerWebhookBuilder.NewMid()], 1_700_000_000_000),
            7 => builder.Echo(psid, text, metadata: text),
            _ => builder.Read(psid, 1_700_000_000_000),
        };
        return builder.Build();
    }

    private static Gen<JsonNode> ZaloBodies() =>
        from name in Gen.Elements(
            "user_send_text", "user_send_image", "user_send_sticker", "user_send_location", "follow", "unfollow", "user_click_chatnow",
            "user_submit_info", "user_received_message", "user_seen_message", "oa_send_text", "user_send_link", "unknown_event", "")
        from raw in ArbMap.Default.GeneratorFor<string>()
        let text = Clean(raw)
        from user in Gen.Elements("2512523625412515", "", "u\u0000")
        from admin in ArbMap.Default.GeneratorFor<bool>()
        from stamp in Gen.Elements("1700000000000", "abc", "", "-1", "99999999999999999999")
        select (JsonNode)ZaloBody(name, text, user, admin, stamp);

    private static JsonObject ZaloBody(string name, string text, string user, bool admin, string timestamp)
    {
        var oa = name.StartsWith("oa_", StringComparison.Ordinal) || name is "user_received_message" or "user_seen_message";
        var sender = new JsonObject { ["id"] = oa ? OaId : user };
        if (admin)
        {
            sender["admin_id"] = "8215923659221853913";
        }

        return new JsonObject
        {
            ["app_id"] = new ZaloEmulatorOptions().AppId,
            ["user_id_by_app"] = "552177279717587730",
            ["event_name"] = name,
            ["timestamp"] = timestamp,
            ["sender"] = sender,
            ["recipient"] = new JsonObject { ["id"] = oa ? user : OaId },
            ["follower"] = new JsonObject { ["id"] = user },
            ["oa_id"] = OaId,
            ["message"] = new JsonObject
            {
                ["msg_id"] = Guid.NewGuid().ToString("N"),
                ["text"] = text,
                ["msg_ids"] = new JsonArray(JsonValue.Create(Guid.NewGuid().ToString("N"))),
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["type"] = "image",
                    ["payload"] = new JsonObject { ["url"] = "https://example.com/" + Uri.EscapeDataString(text), ["coordinates"] = new JsonObject { ["latitude"] = "10.7", ["longitude"] = text } },
                }),
            },
            ["info"] = new JsonObject { ["name"] = text, ["phone"] = "84987654321", ["address"] = text, ["ward"] = text, ["district"] = text, ["city"] = text },
        };
    }

    // A mapper may refuse an event it cannot read (FormatException, JsonException: the turn fails and the event stays in the
    // inbox, marked failed after its attempts); any other exception is a bug.
    private static void Mapped(Func<IReadOnlyList<Outreach.Bot.Core.Activity>> map)
    {
        try
        {
            _ = map();
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
        }
    }

    // The reader's answer: its drafts, or null for the malformed input the endpoint refuses with a 4xx. Anything else throws.
    private static IReadOnlyList<InboxEventDraft>? ReadMessenger(byte[] body)
    {
        try
        {
            return MessengerWebhookReader.Read(body).Events;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return null;
        }
    }

    private static ZaloWebhookEvent? ReadZalo(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<ZaloWebhookEvent>(JsonbText.Safe(Encoding.UTF8.GetString(body)), ZaloJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<HttpResponseMessage> PostZaloAsync(ZaloEmulator zalo, OutreachHost host, byte[] body, CancellationToken ct)
    {
        // Signed as Zalo signs (app id + body + the body's own timestamp + OA secret), whatever the body became.
        string timestamp;
        try
        {
            using var document = JsonDocument.Parse(body);
            timestamp = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("timestamp", out var t) ? t.ToString() : "";
        }
        catch (JsonException)
        {
            timestamp = "";
        }

        var mac = System.Security.Cryptography.SHA256.HashData(
            [.. Encoding.UTF8.GetBytes(zalo.Options.AppId), .. body, .. Encoding.UTF8.GetBytes(timestamp + zalo.Options.OaSecretKey)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseAddress, "/webhooks/zalo")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", "mac=" + Convert.ToHexStringLower(mac));
        return await Client.SendAsync(request, ct);
    }

    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static InboxEvent Row(InboxEventDraft draft) =>
        new(0, draft.Channel, draft.PlatformEventId, draft.Kind, draft.AccountId, draft.SenderId, draft.EventTime, draft.Payload, 0);

    private static string Show(byte[] body) => Encoding.UTF8.GetString(body[..Math.Min(body.Length, 400)]);

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}

internal static class InboxPairs
{
    public static async Task<IEnumerable<(string Channel, string EventId)>> QueryPairsAsync(this Npgsql.NpgsqlConnection connection, CancellationToken ct)
    {
        await using (connection)
        {
            await connection.OpenAsync(ct);
            return await Dapper.SqlMapper.QueryAsync<(string, string)>(connection, "SELECT channel, platform_event_id FROM inbox_events");
        }
    }
}
