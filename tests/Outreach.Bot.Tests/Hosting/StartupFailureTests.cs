using System.Net;
using System.Net.Sockets;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Hosting;

public sealed class StartupFailureTests(PostgresServer server)
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Start_DatabaseUnreachable_ExitsWithClearMessage()
    {
        var closedPort = GatewayProcess.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Outreach"] = $"Host=127.0.0.1;Port={closedPort};Username=x;Password=y;Database=outreach;Timeout=3",
        };

        var result = await GatewayProcess.RunUntilExitAsync(
            ["--urls", "http://127.0.0.1:0"], environment, ExitWithin, TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"không kết nối được PostgreSQL 127.0.0.1:{closedPort}/outreach", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=y", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WrongPassword_ExitsSayingLoginRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        var wrong = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = "not-the-password" };

        var result = await GatewayProcess.RunUntilExitAsync(
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?> { ["ConnectionStrings__Outreach"] = wrong.ConnectionString },
            ExitWithin,
            ct);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("từ chối đăng nhập", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PortAlreadyInUse_ExitsSayingPortTaken()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;

        var result = await GatewayProcess.RunUntilExitAsync(
            ["--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string?> { ["ConnectionStrings__Outreach"] = database.ConnectionString },
            ExitWithin,
            ct);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cổng nghe đã có chương trình khác dùng", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:99999")]
    [InlineData("http://127.0.0.1:abc")]
    public async Task Start_InvalidListenAddress_ExitsSayingAddressInvalid(string urls)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);

        var result = await GatewayProcess.RunUntilExitAsync(
            ["--urls", urls],
            new Dictionary<string, string?> { ["ConnectionStrings__Outreach"] = database.ConnectionString },
            ExitWithin,
            ct);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("địa chỉ nghe không hợp lệ", result.StandardError, StringComparison.Ordinal);
    }
}
