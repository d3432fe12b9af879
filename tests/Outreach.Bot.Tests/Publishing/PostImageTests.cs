using System.Net;
using Dapper;
using Outreach.Bot.Hosting;
using Outreach.Content.OrgUnits;
using Outreach.Content.Publishing;
using Outreach.Emulators.Messenger;
using Outreach.Testing;
using SkiaSharp;

namespace Outreach.Bot.Tests.Publishing;

/// <summary>
/// Issue 16, slice 2: a post's image is uploaded (checked by its content, not its name; within the size limit), kept on disk when
/// a folder is configured (in PostgreSQL otherwise), and a post with an image goes to the Page feed as a photo post (/photos),
/// whose upload the emulator checks.
/// </summary>
public sealed class PostImageTests(PostgresServer server) : IAsyncLifetime
{
    private const int MaxBytes = 200_000;
    private TestDatabase _database = null!;
    private MessengerEmulator _messenger = null!;
    private OutreachHost _host = null!;
    private OrgUnit _province = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        _province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh", ct);
        await seed.StaffAsync("bientap.tinh", _province.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", _province.Id, "approver", ct);
        _messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        _folder = Path.Combine(Path.GetTempPath(), "outreach-images-" + Guid.NewGuid().ToString("N"));
        var settings = _messenger.GatewaySettings();
        TestHost.AtAnyHour(settings);
        settings["Outreach:Publishing:MaxImageBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Outreach:Publishing:ImageFolder"] = _folder;
        _host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _messenger.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task PostWithAnImage_IsAPhotoPostOnThePageFeed_WithTheSameBytes_AndTheImageIsKeptInTheFolder()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.tinh", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: ct);
        var id = await CreateAsync(editor, ct);
        var png = Png(64, 48);
        var (uploaded, image) = await editor.PostFileAsync($"/staff/api/posts/{id}/image", png, "anh-ngay-hoi.txt", ct);
        Assert.True(uploaded == HttpStatusCode.OK, image.ToString());
        Assert.Equal("image/png", image.GetProperty("contentType").GetString());
        Assert.Equal(64, image.GetProperty("width").GetInt32());

        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            var (data, path) = await connection.QuerySingleAsync<(byte[]? Data, string? Path)>("SELECT data, disk_path FROM post_images");
            Assert.Null(data);
            Assert.Equal(png, await File.ReadAllBytesAsync(path!, ct));
        }

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/staff/api/posts/{id}/submit", null, ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/staff/api/posts/{id}/approve", null, ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/staff/api/posts/{id}/schedule", new { sendAt = DateTimeOffset.UtcNow }, ct)).Status);

        var published = Assert.Single(await _messenger.WaitForFeedPostsAsync(1, TimeSpan.FromSeconds(120), ct));
        Assert.Equal(png, published.Photo);
        Assert.Equal("image/png", published.PhotoType);
        Assert.Equal("Ảnh ngày hội\n\nHội LHPN tỉnh gửi ảnh ngày hội phụ nữ khởi nghiệp.\n\nhttps://hoiphunu.example.vn/anh", published.Message);
        Assert.Contains(_messenger.Received, r => r.Path.EndsWith("/photos", StringComparison.Ordinal));
        await BroadcastFlow.PollAsync(_database,
            $"SELECT count(*) FROM post_platform_links WHERE post_id = {id} AND external_id = '{published.Id}'", n => n == 1, ct);
    }

    [Fact]
    public async Task OversizedOrNotAnImage_IsRefusedWithTheReason_AndThePostKeepsNoImage()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.tinh", ct: ct);
        var id = await CreateAsync(editor, ct);

        var big = Png(800, 800, noise: true);
        Assert.True(big.Length > MaxBytes, $"The test image is only {big.Length} bytes.");
        var (status, body) = await editor.PostFileAsync($"/staff/api/posts/{id}/image", big, "anh.png", ct);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("tối đa 0,2 MB", body.ToString(), StringComparison.Ordinal);

        var text = "đây không phải ảnh, chỉ là chữ"u8.ToArray();
        (status, body) = await editor.PostFileAsync($"/staff/api/posts/{id}/image", text, "anh.jpg", ct);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("không phải ảnh JPEG hoặc PNG", body.ToString(), StringComparison.Ordinal);

        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        Assert.Null(await connection.ExecuteScalarAsync<long?>($"SELECT image_id FROM posts WHERE id = {id}"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM post_images"));
    }

    [Fact]
    public async Task ImageChangedAfterApproval_SendsThePostBackForApproval()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.tinh", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: ct);
        var id = await CreateAsync(editor, ct);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/staff/api/posts/{id}/submit", null, ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/staff/api/posts/{id}/approve", null, ct)).Status);

        Assert.Equal(HttpStatusCode.OK, (await editor.PostFileAsync($"/staff/api/posts/{id}/image", Png(32, 32), "a.png", ct)).Status);
        var (_, post) = await editor.GetAsync($"/staff/api/posts/{id}", ct);
        Assert.Equal("submitted", post.GetProperty("post").GetProperty("status").GetString());
    }

    [Fact]
    public async Task EditorUploadsInTheConsole_ANonImageGetsTheReasonOnTheEditor_AnImageIsShownThere()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.tinh", ct: ct);
        var id = await CreateAsync(editor, ct);
        using var console = await Staff.Console.ConsoleClient.SignInAsync(_host.BaseAddress, "bientap.tinh");
        await console.GetAsync($"/staff/posts/{id}/edit");

        var refused = await console.PostFileAsync($"/staff/posts/{id}/image", "<html>không phải ảnh</html>"u8.ToArray(), "anh.png");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Tệp không phải ảnh JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên)", refused.Text, StringComparison.Ordinal);

        var redirect = await console.PostFileAsync($"/staff/posts/{id}/image", Png(20, 20), "anh.png");
        Assert.Equal(HttpStatusCode.Found, redirect.Status);
        var saved = await console.GetAsync(redirect.Location!);
        Assert.Contains("Đã lưu ảnh của bài.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("data-post-image", saved.Text, StringComparison.Ordinal);
        var image = await console.GetAsync($"/staff/posts/{id}/image");
        Assert.Equal(HttpStatusCode.OK, image.Status);
    }

    [Fact]
    public async Task WithoutAFolder_TheImageIsKeptInPostgreSql()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new PostImageStore(_database.DataSource, TimeProvider.System);
        var staffId = await (await _database.DataSource.OpenConnectionAsync(ct)).ExecuteScalarAsync<long>("SELECT min(id) FROM staff_users");
        var png = Png(10, 10);
        var image = await store.SaveAsync(png, "image/png", 10, 10, staffId, null, ct);
        Assert.Equal(png, await store.ReadAsync(image.Id, ct));
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        Assert.Null(await connection.ExecuteScalarAsync<string>($"SELECT disk_path FROM post_images WHERE id = {image.Id}"));
    }

    private async Task<long> CreateAsync(StaffApiClient editor, CancellationToken ct)
    {
        var (created, post) = await editor.PostAsync("/staff/api/posts", new
        {
            title = "Ảnh ngày hội",
            body = "Hội LHPN tỉnh gửi ảnh ngày hội phụ nữ khởi nghiệp.",
            linkUrl = "https://hoiphunu.example.vn/anh",
            topic = "loan",
            isPromotional = true,
            destinations = new[] { "facebook_feed" },
        }, ct);
        Assert.True(created == HttpStatusCode.Created, post.ToString());
        return post.GetProperty("id").GetInt64();
    }

    private static byte[] Png(int width, int height, bool noise = false)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(42);
        for (var x = 0; x < width; x++)
        {
            for (var y = 0; y < height; y++)
            {
                bitmap.SetPixel(x, y, noise ? new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)) : new SKColor(200, 30, 90));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
