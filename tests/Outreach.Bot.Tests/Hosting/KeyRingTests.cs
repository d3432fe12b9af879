using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Hosting;

/// <summary>
/// The Data Protection key ring lives in PostgreSQL: two gateway processes on one database (each with its own home folder,
/// as two machines have) read each other's antiforgery tokens and cookies, a restarted host still reads them, and the keys
/// are stored encrypted with the configured certificate.
/// </summary>
public sealed partial class KeyRingTests(PostgresServer server) : IAsyncLifetime
{
    private const string CertificatePassword = "mat-khau-chung-chi";
    private TestDatabase _database = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        _folder = Directory.CreateTempSubdirectory("outreach-keyring-").FullName;
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        await seed.StaffAsync("bientap", province.Id, "editor", ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TwoHostsOneDatabase_TokensAndCookiesWorkAcrossThem_AndAfterARestart_KeysEncryptedAtRest()
    {
        var ct = TestContext.Current.CancellationToken;
        var certificate = WriteCertificate();
        var (first, firstAddress) = await StartAsync("home-a", certificate, ct);
        var (second, secondAddress) = await StartAsync("home-b", certificate, ct);
        Process? restarted = null;
        try
        {
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

            // The sign-in form comes from the first host and is posted to the second, as a load balancer may route them.
            var form = await browser.GetStringAsync(new Uri(firstAddress, "/staff/login"), ct);
            using var signIn = await browser.PostAsync(new Uri(secondAddress, "/staff/login"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Username"] = "bientap", ["Password"] = Seed.Password, ["__RequestVerificationToken"] = Token(form),
            }), ct);
            using var onFirst = await browser.GetAsync(new Uri(firstAddress, "/staff/api/me"), ct);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
            (restarted, var restartedAddress) = await StartAsync("home-c", certificate, ct);
            using var afterRestart = await browser.GetAsync(new Uri(restartedAddress, "/staff/api/me"), ct);

            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
            Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
            Assert.Equal("bientap", (await afterRestart.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("username").GetString());
            await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
            var keys = (await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
            Assert.All(keys, xml => Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var process in new[] { first, second, restarted }.OfType<Process>())
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }
    }

    [Fact]
    public async Task ProtectedForChannelTokens_ReadByAnotherHost_NeverUnderAnotherPurpose()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string?> { ["Outreach:Scheduler:RunServer"] = "false" };
        await using var one = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
        await using var other = await TestHost.StartAsync(_database, settings, cancellationToken: ct);

        var stored = one.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(KeyRingPurposes.ChannelTokens).Protect("zalo-refresh-token");
        var read = other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(KeyRingPurposes.ChannelTokens).Unprotect(stored);

        Assert.Equal("zalo-refresh-token", read);
        Assert.ThrowsAny<CryptographicException>(() =>
            other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Outreach.Other.v1").Unprotect(stored));
    }

    private string WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Outreach key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    private async Task<(Process Process, Uri Address)> StartAsync(string home, string certificate, CancellationToken ct)
    {
        var port = GatewayProcess.FreePort();
        var environment = GatewayProcess.AsEnvironment(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Outreach"] = _database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:Scheduler:RunServer"] = "false",
            ["Outreach:Inbox:RunWorkers"] = "false",
            ["Outreach:DataProtection:CertificatePath"] = certificate,
            ["Outreach:DataProtection:CertificatePassword"] = CertificatePassword,
        });

        // Each host its own home folder, as separate machines have: nothing shared but the database.
        environment["HOME"] = Directory.CreateDirectory(Path.Combine(_folder, home)).FullName;
        var process = GatewayProcess.Start(port, environment);
        var address = new Uri($"http://127.0.0.1:{port}");
        await GatewayProcess.WaitUntilUpAsync(address, ct);
        return (process, address);
    }

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
