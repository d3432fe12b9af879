using System.Net;
using System.Text.RegularExpressions;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Units;

/// <summary>The "Đơn vị" and "Hội viên" pages over the same services: import with a dry run then apply, merge with a confirmation, join material, members filtered and moved.</summary>
public sealed partial class UnitsConsoleTests(PostgresServer server) : IAsyncLifetime
{
    private UnitsWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await UnitsWorld.StartAsync(server);

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AdminImportsWithDryRunAppliesMergesOpensQrAndMovesAMember_OthersRefused()
    {
        using var admin = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri.tinh");
        using var file = Workbooks.Units(["xa-an", "Xã An", "xa", "lai-chau"], ["xa-binh", "Xã Bình", "xa", "lai-chau"]);

        var dry = await admin.PostFileAsync("/staff/units/import", file.ToArray(), "don-vi.xlsx");
        var unitsAfterDry = await _world.ScalarAsync<int>("SELECT count(*)::int FROM org_units WHERE code IN ('xa-an', 'xa-binh')");
        var sheet = WebUtility.HtmlDecode(SheetPattern().Match(dry.Html).Groups[1].Value);
        var applied = await admin.PostFormAsync("/staff/units/import", ("sheet", sheet), ("apply", "1"));
        Assert.Contains("Đã cập nhật cây đơn vị", applied.Text, StringComparison.Ordinal);
        var an = await _world.UnitIdAsync("xa-an");
        var binh = await _world.UnitIdAsync("xa-binh");
        var lan = await _world.Seed.ContactAsync("messenger", "psid-lan", an, TimeSpan.FromHours(1), DateTimeOffset.UtcNow, [], ct: Ct);
        await _world.ExecuteAsync("UPDATE contacts SET display_name = 'Nguyễn Thị Lan' WHERE id = @lan", new { lan });
        var members = await admin.GetAsync("/staff/members?Name=nguyen+thi");
        var moved = await admin.PostFormAsync($"/staff/members/{lan}/move", ("UnitId", binh.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var afterMove = await _world.ScalarAsync<long>("SELECT org_unit_id FROM contacts WHERE id = @lan", new { lan });
        var preview = await admin.PostFormAsync($"/staff/units/{binh}/merge", ("IntoId", an.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var afterPreview = await _world.ScalarAsync<long>("SELECT org_unit_id FROM contacts WHERE id = @lan", new { lan });
        var merged = await admin.PostFormAsync($"/staff/units/{binh}/merge",
            ("IntoId", an.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Confirm", "1"));
        var join = await admin.GetAsync($"/staff/units/{an}/join");
        using var editor = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "bientap.tinh");
        var editorCreates = await editor.PostFormAsync("/staff/units", ("ParentId", an.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Level", "chi_hoi"), ("Name", "Chi hội 1"));
        using var other = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri.khac");
        var otherSees = await other.GetAsync($"/staff/units/{an}");

        Assert.Equal(HttpStatusCode.OK, dry.Status);
        Assert.Contains("Chạy thử", dry.Text, StringComparison.Ordinal);
        Assert.Contains("Thêm mới: 2", dry.Text, StringComparison.Ordinal);
        Assert.Equal(0, unitsAfterDry);
        Assert.Contains("Đã cập nhật cây đơn vị", applied.Text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Lan", members.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Equal(binh, afterMove);
        Assert.Contains("1 hội viên", preview.Text, StringComparison.Ordinal);
        Assert.Equal(binh, afterPreview);
        Assert.Equal(HttpStatusCode.Redirect, merged.Status);
        Assert.Equal(an, await _world.ScalarAsync<long>("SELECT org_unit_id FROM contacts WHERE id = @lan", new { lan }));
        Assert.Contains("data-join-code", join.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Zalo OA", join.Text, StringComparison.Ordinal); // this world has no OA: the poster names none
        Assert.Equal(HttpStatusCode.Forbidden, editorCreates.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherSees.Status);
    }

    [GeneratedRegex("name=\"sheet\" value=\"([^\"]+)\"")]
    private static partial Regex SheetPattern();
}
