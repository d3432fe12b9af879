using System.Net;
using System.Text.Json;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff;

/// <summary>/staff/api/handoffs: the same inbox as JSON, with the console's scoping and roles.</summary>
public sealed class HandoffsApiTests(ConsoleWorldFixture fixture) : IClassFixture<ConsoleWorldFixture>
{
    private readonly ConsoleWorld _world = fixture.World;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OtherCommunesAdmin_HandoffAndAlertOfThisCommune_NotListedAndEveryCallNotFound()
    {
        var member = await _world.OpenHandoffAsync("api-pham-vi-1", _world.CommuneA.Id, crisis: true);
        using var adminB = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "quantri.b", ct: Ct);
        var api = Api(member);

        var list = await adminB.GetAsync("/staff/api/handoffs", Ct);
        var answers = new[]
        {
            (await adminB.GetAsync(api, Ct)).Status,
            (await adminB.PostAsync(api + "/take", null, Ct)).Status,
            (await adminB.PostAsync(api + "/reply", new { text = "Chào chị" }, Ct)).Status,
            (await adminB.PostAsync(api + "/release", null, Ct)).Status,
            (await adminB.PostAsync($"/staff/api/handoffs/alerts/{member.AlertId}/done", null, Ct)).Status,
        };

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.DoesNotContain(Ids(list.Body, "handoffs"), id => id == member.HandoffId);
        Assert.DoesNotContain(Ids(list.Body, "alerts"), id => id == member.AlertId);
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal("requested", await _world.StatusAsync(member.HandoffId));
        Assert.Equal(1, await _world.ScalarAsync<int>("SELECT count(*) FROM crisis_alerts WHERE id = @id AND acknowledged_at IS NULL",
            new { id = member.AlertId }));
    }

    [Fact]
    public async Task CommuneEditor_TakeReplyRelease_ViewerOnlyReads()
    {
        var member = await _world.OpenHandoffAsync("api-tra-loi-1", _world.CommuneA.Id);
        using var editor = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "bientap.a", ct: Ct);
        using var viewer = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "xem.a", ct: Ct);
        var api = Api(member);

        var viewerList = await viewer.GetAsync("/staff/api/handoffs", Ct);
        var viewerTake = await viewer.PostAsync(api + "/take", null, Ct);
        var take = await editor.PostAsync(api + "/take", null, Ct);
        var empty = await editor.PostAsync(api + "/reply", new { text = " " }, Ct);
        var reply = await editor.PostAsync(api + "/reply", new { text = "Chào chị, em là cán bộ Hội." }, Ct);
        var conversation = await editor.GetAsync(api, Ct);
        var release = await editor.PostAsync(api + "/release", null, Ct);

        Assert.Contains(Ids(viewerList.Body, "handoffs"), id => id == member.HandoffId);
        Assert.Equal(HttpStatusCode.Forbidden, viewerTake.Status);
        Assert.Equal((HttpStatusCode.OK, "active"), (take.Status, take.Body.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("không được để trống", empty.Body.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains(conversation.Body.GetProperty("lines").EnumerateArray(),
            l => l.GetProperty("speaker").GetString() == "staff" && l.GetProperty("text").GetString() == "Chào chị, em là cán bộ Hội.");
        Assert.Equal((HttpStatusCode.OK, "closed"), (release.Status, release.Body.GetProperty("status").GetString()));
    }

    private static string Api(SeededHandoff member) => "/staff/api/handoffs/" + member.HandoffId;

    private static List<long> Ids(JsonElement body, string list) =>
        body.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
}
