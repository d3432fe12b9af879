using System.Net;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>A unit's staff can neither see nor change another unit's data through the console, page by page.</summary>
public sealed class ConsoleScopingTests(ConsoleWorldFixture fixture) : IClassFixture<ConsoleWorldFixture>
{
    private readonly ConsoleWorld _world = fixture.World;

    private long PostA => _world.PostA.Id;

    [Fact]
    public async Task OtherCommunesEditor_PagesOfThisCommunesPostAndSending_AreNotFound()
    {
        using var editorB = await _world.SignInAsync("bientap.b");

        string[] paths = [$"/staff/posts/{PostA}", $"/staff/posts/{PostA}/edit", $"/staff/broadcasts/{_world.BroadcastA}"];
        foreach (var path in paths)
        {
            var page = await editorB.GetAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain(ConsoleWorld.TitleA, page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OtherCommunesStaff_ActionsOnThisCommunesPost_AreNotFoundAndChangeNothing()
    {
        using var editorB = await _world.SignInAsync("bientap.b");
        using var adminB = await _world.SignInAsync("quantri.b");

        var answers = new List<HttpStatusCode>();
        foreach (var action in new[] { "submit", "approve", "cancel" })
        {
            answers.Add((await adminB.PostFormAsync($"/staff/posts/{PostA}/{action}")).Status);
        }

        answers.Add((await adminB.PostFormAsync($"/staff/posts/{PostA}/reject", ("Note", "không hợp"))).Status);
        answers.Add((await adminB.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "now"))).Status);
        answers.Add((await editorB.PostFormAsync($"/staff/posts/{PostA}/edit", ("Title", "Sửa trộm"), ("Body", "x"), ("Topic", "health"),
            ("Channels", "messenger"), ("AudienceUnitIds",
                _world.CommuneB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Status);
        answers.Add((await adminB.PostFormAsync($"/staff/broadcasts/{_world.BroadcastA}/cancel")).Status);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal("submitted", await _world.ScalarAsync<string>("SELECT status FROM posts WHERE id = @PostA", new { PostA }));
        Assert.Equal(ConsoleWorld.TitleA, await _world.ScalarAsync<string>("SELECT title FROM posts WHERE id = @PostA", new { PostA }));
        Assert.Equal("planned", await _world.ScalarAsync<string>("SELECT status FROM broadcasts WHERE id = @id",
            new { id = _world.BroadcastA }));
        Assert.Equal(2, await _world.ScalarAsync<int>("SELECT count(*) FROM post_transitions WHERE post_id = @PostA", new { PostA }));
    }

    [Fact]
    public async Task OtherCommunesEditor_ListsCalendarAndOverview_ShowNothingOfThisCommune()
    {
        using var editorB = await _world.SignInAsync("bientap.b");
        using var provinceApprover = await _world.SignInAsync("duyet.tinh");
        string[] pages = ["/staff", "/staff/posts", "/staff/posts?status=submitted", "/staff/calendar"];

        foreach (var path in pages)
        {
            Assert.DoesNotContain(ConsoleWorld.TitleA, (await editorB.GetAsync(path)).Text, StringComparison.Ordinal);
        }

        Assert.Contains(ConsoleWorld.TitleA, (await provinceApprover.GetAsync("/staff/posts")).Text, StringComparison.Ordinal);
        Assert.Contains(ConsoleWorld.TitleA, (await provinceApprover.GetAsync("/staff/approvals")).Text, StringComparison.Ordinal);
        Assert.Contains("data-post-count=\"submitted\">0<", (await editorB.GetAsync("/staff")).Html, StringComparison.Ordinal);
        Assert.Contains("data-post-count=\"submitted\">1<", (await provinceApprover.GetAsync("/staff")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherCommunesEditor_PostAddressedToThisCommune_IsRefusedAndNotSaved()
    {
        using var editorB = await _world.SignInAsync("bientap.b");

        var page = await editorB.PostFormAsync("/staff/posts/new", ("Title", "Tin cho xã khác"), ("Body", "Nội dung"), ("Topic", "health"),
            ("Channels", "messenger"), ("AudienceUnitIds", _world.CommuneA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Intent", "save"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("ngoài phạm vi của bạn", page.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _world.ScalarAsync<int>("SELECT count(*) FROM posts WHERE title = 'Tin cho xã khác'"));
    }

    [Fact]
    public async Task CommuneAdmin_AccountsPage_ListsAndCreatesStaffOnlyInHerUnits()
    {
        using var adminB = await _world.SignInAsync("quantri.b");
        var unitA = _world.CommuneA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var unitB = _world.CommuneB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var list = await adminB.GetAsync("/staff/accounts");
        var outside = await adminB.PostFormAsync("/staff/accounts",
            ("Username", "moi.a"), ("DisplayName", "Cán bộ mới"), ("OrgUnitId", unitA), ("Role", "editor"), ("Password",
                "mot-mat-khau-dai"));
        var inside = await adminB.PostFormAsync("/staff/accounts",
            ("Username", "moi.b"), ("DisplayName", "Cán bộ mới"), ("OrgUnitId", unitB), ("Role", "editor"), ("Password",
                "mot-mat-khau-dai"));
        using var created = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "moi.b", "mot-mat-khau-dai");

        Assert.Contains("data-username=\"bientap.b\"", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-username=\"bientap.a\"", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hội LHPN xã An Bình", list.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.Equal(0, await _world.ScalarAsync<int>("SELECT count(*) FROM staff_users WHERE username = 'moi.a'"));
        Assert.Equal(HttpStatusCode.Redirect, inside.Status);
        Assert.NotEqual("mot-mat-khau-dai",
            await _world.ScalarAsync<string>("SELECT password_hash FROM staff_users WHERE username = 'moi.b'"));
    }

    [Fact]
    public async Task NonAdminsAndViewers_AdminAndWritingPages_AreForbidden()
    {
        using var editor = await _world.SignInAsync("bientap.a");
        using var viewer = await _world.SignInAsync("xem.a");

        var accounts = await editor.GetAsync("/staff/accounts");
        var create = await editor.PostFormAsync("/staff/accounts",
            ("Username", "lau"), ("DisplayName", "x"), ("OrgUnitId", "1"), ("Role", "admin"), ("Password", "mot-mat-khau-dai"));
        var newPost = await viewer.GetAsync("/staff/posts/new");
        var postPage = await viewer.GetAsync($"/staff/posts/{PostA}");

        Assert.Equal(HttpStatusCode.Forbidden, accounts.Status);
        Assert.Equal(HttpStatusCode.Forbidden, create.Status);
        Assert.Equal(0, await _world.ScalarAsync<int>("SELECT count(*) FROM staff_users WHERE username = 'lau'"));
        Assert.Equal(HttpStatusCode.Forbidden, newPost.Status);
        Assert.Equal(HttpStatusCode.OK, postPage.Status);
        Assert.DoesNotContain("<form method=\"post\" action=\"/staff/posts/", postPage.Html, StringComparison.Ordinal);
    }
}
