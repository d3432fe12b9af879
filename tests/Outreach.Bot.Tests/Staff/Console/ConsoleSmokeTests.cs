using System.Net;
using Outreach.Bot.Hosting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

public sealed class ConsoleSmokeTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh", ct);
        await seed.StaffAsync("bientap", province.Id, "editor", ct);
        _host = await TestHost.StartAsync(_database, cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Smoke()
    {
        using var client = await ConsoleClient.SignInAsync(_host.BaseAddress, "bientap");
        var home = await client.GetAsync("/staff");
        var form = await client.GetAsync("/staff/posts/new");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("bientap", home.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var created = await client.PostFormAsync("/staff/posts/new",
            ("Title", "Khám sàng lọc"), ("Body", "Nội dung"), ("Topic", "health"), ("Channels", "messenger"), ("Channels", "zalo"),
            ("AudienceUnitIds", "1"), ("IsPromotional", "true"), ("Intent", "save"));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var post = await client.GetAsync(created.Location!);
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Contains("Khám sàng lọc", post.Text, StringComparison.Ordinal);
    }
}
