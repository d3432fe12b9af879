using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Accounts;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

public sealed class BootstrapAdminTests(PostgresServer server)
{
    private static readonly BootstrapAdminOptions Settings = new()
    {
        Username = "QuanTri", Password = "mat-khau-ban-dau", OrgUnitName = "Hội LHPN tỉnh Thử Nghiệm",
    };

    [Fact]
    public async Task Start_NoStaffYet_CreatesTheAdminWhoCanSignIn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        await using var host = await TestHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Outreach:Staff:BootstrapAdmin:Username"] = Settings.Username,
            ["Outreach:Staff:BootstrapAdmin:Password"] = Settings.Password,
            ["Outreach:Staff:BootstrapAdmin:OrgUnitName"] = Settings.OrgUnitName,
            ["Outreach:Scheduler:RunServer"] = "false",
        }, cancellationToken: ct);

        using var admin = await ConsoleClient.SignInAsync(host.BaseAddress, "quantri", Settings.Password!);
        var accounts = await admin.GetAsync("/staff/accounts");

        Assert.Equal(HttpStatusCode.OK, accounts.Status);
        Assert.Contains("Hội LHPN tỉnh Thử Nghiệm", accounts.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIfNoStaff_StaffExist_DoesNothing_EvenWithAnotherPassword()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        var bootstrap = Bootstrap(database);

        var first = await bootstrap.CreateIfNoStaffAsync(Settings, ct);
        var hash = await ScalarAsync<string>(database, "SELECT password_hash FROM staff_users");
        var second = await bootstrap.CreateIfNoStaffAsync(new BootstrapAdminOptions { Username = "khac", Password = "mat-khau-khac-han",
            OrgUnitName = "Khác" }, ct);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(1, await ScalarAsync<int>(database, "SELECT count(*) FROM staff_users"));
        Assert.Equal(hash, await ScalarAsync<string>(database, "SELECT password_hash FROM staff_users"));
        Assert.Equal(1, await ScalarAsync<int>(database, "SELECT count(*) FROM org_units"));
    }

    [Fact]
    public async Task CreateIfNoStaff_UnitWithThatNameExists_AdministersIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        var unit = await new Seed(database).UnitAsync(null, "tinh", Settings.OrgUnitName!, ct);

        var unitId = await Bootstrap(database).CreateIfNoStaffAsync(Settings, ct);

        Assert.Equal(unit.Id, unitId);
        Assert.Equal("admin", await ScalarAsync<string>(database, "SELECT role FROM staff_users WHERE org_unit_id = @id",
            new { id = unit.Id }));
    }

    [Fact]
    public async Task CreateIfNoStaff_TwoHostsAtOnce_CreateOneAdmin()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);

        var results = await Task.WhenAll(Bootstrap(database).CreateIfNoStaffAsync(Settings, ct),
            Bootstrap(database).CreateIfNoStaffAsync(Settings, ct));

        Assert.Single(results, r => r is not null);
        Assert.Equal(1, await ScalarAsync<int>(database, "SELECT count(*) FROM staff_users"));
    }

    [Theory]
    [InlineData("admin", "ngan", "Tỉnh")]
    [InlineData("admin", "mat-khau-du-dai", "")]
    [InlineData("ab", "mat-khau-du-dai", "Tỉnh")]
    public void Options_UsernameWithBadPasswordOrNoUnit_FailValidation(string username, string password, string unit)
    {
        var options = new BootstrapAdminOptions { Username = username, Password = password, OrgUnitName = unit };

        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Single(problems);
    }

    private static BootstrapAdmin Bootstrap(TestDatabase database) =>
        new(new Content.Staff.StaffUserStore(database.DataSource), new StaffPasswords(), Options.Create(Settings), NullLogger<BootstrapAdmin>.Instance);

    private static async Task<T> ScalarAsync<T>(TestDatabase database, string sql, object? args = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, args))!;
    }
}
