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

        using var admin = ConsoleClient.Anonymous(host.BaseAddress);
        await admin.GetAsync("/staff/login");
        var signedIn = await admin.PostFormAsync("/staff/login", ("Username", "quantri"), ("Password", Settings.Password!));
        using var api = await Outreach.Testing.StaffApiClient.SignInAsync(host.BaseAddress, "quantri", Settings.Password!, ct);
        var (_, me) = await api.GetAsync("/staff/api/me", ct);
        var elsewhere = await admin.GetAsync("/staff/accounts");
        await admin.GetAsync("/staff/password");
        var changed = await admin.PostFormAsync("/staff/password",
            ("Current", Settings.Password!), ("New", "mat-khau-cua-rieng-chi"), ("Repeat", "mat-khau-cua-rieng-chi"));
        var accounts = await admin.GetAsync("/staff/accounts");

        // She chooses her own password at her first sign-in, as the README says; then the console is hers.
        Assert.Equal("/staff/password", signedIn.Location);
        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal("/staff/password", elsewhere.Location);
        Assert.Equal("/staff?notice=password-changed", changed.Location);
        Assert.Equal(HttpStatusCode.OK, accounts.Status);
        Assert.Contains("Hội LHPN tỉnh Thử Nghiệm", accounts.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistingInstall_AdminStillOnTheConfiguredPassword_MustChangeIt_OneWithHerOwnIsLeftAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        var bootstrap = Bootstrap(database);
        await bootstrap.CreateIfNoStaffAsync(Settings, ct);
        var createdMustChange = await ScalarAsync<bool>(database, "SELECT must_change_password FROM staff_users");

        // As an install made before: created without the flag, still on the configured password.
        await Execute(database, "UPDATE staff_users SET must_change_password = false");
        var required = await bootstrap.RequireChangeIfStillConfiguredAsync(Settings, ct);
        var afterRequired = await ScalarAsync<bool>(database, "SELECT must_change_password FROM staff_users");

        // She has chosen her own since: nothing changes.
        await Execute(database, "UPDATE staff_users SET must_change_password = false, password_hash = @hash",
            new { hash = new StaffPasswords().Hash("mat-khau-rieng-cua-chi") });
        var leftAlone = await bootstrap.RequireChangeIfStillConfiguredAsync(Settings, ct);

        Assert.True(createdMustChange);
        Assert.True(required);
        Assert.True(afterRequired);
        Assert.False(leftAlone);
        Assert.False(await ScalarAsync<bool>(database, "SELECT must_change_password FROM staff_users"));
    }

    private static async Task Execute(TestDatabase database, string sql, object? args = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, args);
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
