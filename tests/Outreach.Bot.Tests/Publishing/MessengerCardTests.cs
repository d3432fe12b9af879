using System.Net;
using Outreach.Emulators.Messenger;
using Outreach.Testing;
using SkiaSharp;

namespace Outreach.Bot.Tests.Publishing;

/// <summary>
/// Issue 16, slice 3: a message broadcast of a post with an image reaches a Messenger member as a card (the generic template:
/// the image at the gateway's public address, the title, a "Xem chi tiết" button to the link), then the body; the image the
/// card names is the post's own bytes. Without a public address the message is text as before.
/// </summary>
public sealed class MessengerCardTests(PostgresServer server) : IAsyncLifetime
{
    private const string Title = "Khám sàng lọc miễn phí";
    private const string Body = "Hội LHPN xã phối hợp trạm y tế khám sàng lọc ung thư vú miễn phí cho hội viên từ 35 tuổi.";

    private TestDatabase _database = null!;
    private MessengerEmulator _messenger = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        _messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _messenger.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task BroadcastWithAnImage_IsACardWithTheImageTitleAndButton_ThenTheBody()
    {
        var ct = TestContext.Current.CancellationToken;
        var commune = await BroadcastFlow.MessengerAudienceAsync(_database, _messenger, 2, "card", ct);
        var port = GatewayProcess.FreePort();
        await using var host = await TestHost.StartAsync(_database, Settings(port), cancellationToken: ct);
        var jpeg = Jpeg();
        await SendWithImageAsync(host.BaseAddress, commune, jpeg, ct);

        var card = await _messenger.WaitForSendAsync(s => s.RecipientId == "card1" && s.TemplateType == "generic", TimeSpan.FromSeconds(60), ct);
        Assert.Equal(Title, card.CardTitle);
        Assert.Equal(["Xem chi tiết"], card.ButtonTitles);
        Assert.StartsWith($"http://127.0.0.1:{port}/media/post-images/", card.CardImageUrl, StringComparison.Ordinal);
        var text = await _messenger.WaitForSendAsync(s => s.RecipientId == "card1" && s.Text is not null, TimeSpan.FromSeconds(60), ct);
        Assert.Equal(Body, text.Text);
        Assert.True(card.Request.ReceivedAt <= text.Request.ReceivedAt);

        using var http = new HttpClient();
        var served = await http.GetAsync(new Uri(card.CardImageUrl!), ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jpeg, await served.Content.ReadAsByteArrayAsync(ct));
        var wrongHash = card.CardImageUrl![..card.CardImageUrl!.LastIndexOf('/')] + "/" + new string('a', 64);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(wrongHash), ct)).StatusCode);
    }

    [Fact]
    public async Task WithoutAPublicAddress_TheBroadcastIsTextAsBefore()
    {
        var ct = TestContext.Current.CancellationToken;
        var commune = await BroadcastFlow.MessengerAudienceAsync(_database, _messenger, 1, "plain", ct);
        var settings = Settings(GatewayProcess.FreePort());
        settings.Remove("Outreach:Publishing:PublicBaseUrl");
        await using var host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
        await SendWithImageAsync(host.BaseAddress, commune, Jpeg(), ct);

        var sent = await _messenger.WaitForSendAsync(s => s.RecipientId == "plain1", TimeSpan.FromSeconds(60), ct);
        Assert.Null(sent.TemplateType);
        Assert.StartsWith(Title + "\n\n" + Body, sent.Text, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(int port)
    {
        var settings = _messenger.GatewaySettings();
        settings["Urls"] = $"http://127.0.0.1:{port}";
        settings["Outreach:Publishing:PublicBaseUrl"] = $"http://127.0.0.1:{port}/";
        TestHost.AtAnyHour(settings);
        return settings;
    }

    private static async Task SendWithImageAsync(Uri gateway, long unitId, byte[] image, CancellationToken ct)
    {
        using var editor = await StaffApiClient.SignInAsync(gateway, "bientap", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(gateway, "duyet", ct: ct);
        var (created, post) = await editor.PostAsync("/staff/api/posts", new
        {
            title = Title,
            body = Body,
            linkUrl = "https://hoiphunu.example.vn/kham-sang-loc",
            topic = "health",
            isPromotional = false,
            channels = new[] { "messenger" },
            audienceUnitIds = new[] { unitId },
        }, ct);
        Assert.True(created == HttpStatusCode.Created, post.ToString());
        var id = post.GetProperty("id").GetInt64();
        var (uploaded, body) = await editor.PostFileAsync($"/staff/api/posts/{id}/image", image, "kham.jpg", ct);
        Assert.True(uploaded == HttpStatusCode.OK, body.ToString());
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/staff/api/posts/{id}/submit", null, ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/staff/api/posts/{id}/approve", null, ct)).Status);
        var (scheduled, answer) = await approver.PostAsync($"/staff/api/posts/{id}/schedule", new { sendAt = DateTimeOffset.UtcNow }, ct);
        Assert.True(scheduled == HttpStatusCode.OK, answer.ToString());
    }

    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(96, 64);
        bitmap.Erase(new SKColor(30, 120, 200));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
