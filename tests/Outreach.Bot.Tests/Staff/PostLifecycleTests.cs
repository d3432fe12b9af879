using System.Net;
using System.Text.Json;
using Dapper;
using Outreach.Bot.Hosting;
using Outreach.Content.OrgUnits;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff;

public sealed class PostLifecycleTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private OutreachHost _host = null!;
    private OrgUnit _province = null!;
    private OrgUnit _communeA = null!;
    private OrgUnit _communeB = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        _province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh", ct);
        _communeA = await seed.UnitAsync(_province.Id, "xa", "Hội LHPN xã A", ct);
        _communeB = await seed.UnitAsync(_province.Id, "xa", "Hội LHPN xã B", ct);
        await seed.StaffAsync("bientap.a", _communeA.Id, "editor", ct);
        await seed.StaffAsync("duyet.a", _communeA.Id, "approver", ct);
        await seed.StaffAsync("duyet.tinh", _province.Id, "approver", ct);
        await seed.StaffAsync("bientap.b", _communeB.Id, "editor", ct);
        await seed.StaffAsync("quantri.tinh", _province.Id, "admin", ct);
        await seed.ManyContactsAsync("webchat", 20, _communeA.Id, "health", DateTimeOffset.UtcNow.AddHours(-1), "a-", ct);
        await seed.ManyContactsAsync("webchat", 5, _communeB.Id, "health", DateTimeOffset.UtcNow.AddHours(-1), "b-", ct);
        _host = await TestHost.StartAsync(_database, cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task DraftToSent_EachStepByTheRightPerson_SendsToTheUnitAndAuditsEveryStep()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.a", ct: ct);
        using var sameUnitApprover = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.a", ct: ct);
        using var provinceApprover = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: ct);

        var (created, post) = await editor.PostAsync("/staff/api/posts", NewPost(), ct);
        var id = post.GetProperty("id").GetInt64();
        var (submitted, _) = await editor.PostAsync($"/staff/api/posts/{id}/submit", null, ct);
        var (sameUnit, refusal) = await sameUnitApprover.PostAsync($"/staff/api/posts/{id}/approve", null, ct);
        var (approved, _) = await provinceApprover.PostAsync($"/staff/api/posts/{id}/approve", null, ct);
        var (scheduled, scheduleAnswer) = await provinceApprover.PostAsync($"/staff/api/posts/{id}/schedule", new { sendAt = DateTimeOffset.UtcNow.AddSeconds(1) }, ct);
        Assert.True(scheduled == HttpStatusCode.OK, $"schedule answered {scheduled}: {scheduleAnswer}");
        var final = await WaitForPostStatusAsync(editor, id, "sent", ct);

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.OK, submitted);
        Assert.Equal(HttpStatusCode.Forbidden, sameUnit);
        Assert.Equal("Bài viết phải được đơn vị cấp trên duyệt.", refusal.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal(HttpStatusCode.OK, scheduled);
        var steps = final.GetProperty("transitions").EnumerateArray()
            .Select(t => (t.GetProperty("toStatus").GetString(), t.GetProperty("actorId").ValueKind == JsonValueKind.Null))
            .ToList();
        Assert.Equal([("draft", false), ("submitted", false), ("approved", false), ("scheduled", false), ("sending", true), ("sent", true)], steps);
        Assert.Equal(20, await CountAsync("SELECT count(*) FROM deliveries WHERE status = 'sent'"));
        Assert.Equal(20, await CountAsync("SELECT count(*) FROM outbound_messages WHERE purpose = 'broadcast' AND recipient_id LIKE 'a-%'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM outbound_messages WHERE recipient_id LIKE 'b-%'"));
    }

    [Fact]
    public async Task OtherCommunesEditor_CannotSeeOrTargetThisCommune()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editorA = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.a", ct: ct);
        using var editorB = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.b", ct: ct);
        var (_, post) = await editorA.PostAsync("/staff/api/posts", NewPost(), ct);
        var id = post.GetProperty("id").GetInt64();

        var (read, _) = await editorB.GetAsync($"/staff/api/posts/{id}", ct);
        var (submit, _) = await editorB.PostAsync($"/staff/api/posts/{id}/submit", null, ct);
        var (create, errors) = await editorB.PostAsync("/staff/api/posts", NewPost(), ct);
        var (list, listed) = await editorB.GetAsync("/staff/api/posts", ct);

        Assert.Equal(HttpStatusCode.NotFound, read);
        Assert.Equal(HttpStatusCode.NotFound, submit);
        Assert.Equal(HttpStatusCode.BadRequest, create);
        Assert.True(errors.GetProperty("errors").TryGetProperty("audienceUnitIds", out _));
        Assert.Equal(HttpStatusCode.OK, list);
        Assert.Equal(0, listed.GetArrayLength());
    }

    [Fact]
    public async Task CreatePost_InvalidFields_AnswersEachProblemInVietnamese()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.a", ct: ct);

        var (status, body) = await editor.PostAsync(
            "/staff/api/posts",
            new { title = "", body = new string('x', 2001), linkUrl = "ftp://x", topic = "khong-co", channels = new[] { "sms" }, audienceUnitIds = Array.Empty<long>() },
            ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        foreach (var field in new[] { "title", "body", "linkUrl", "topic", "channels", "audienceUnitIds" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(0, await CountAsync("SELECT count(*) FROM posts"));
    }

    [Fact]
    public async Task Api_WithoutSignIn_Answers401()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = StaffApiClient.Anonymous(_host.BaseAddress);

        var (status, _) = await anonymous.GetAsync("/staff/api/posts", ct);
        var (bad, _) = await StaffApiClient.Anonymous(_host.BaseAddress).PostAsync("/staff/api/session", new { username = "bientap.a", password = "sai" }, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.Unauthorized, bad);
    }

    [Fact]
    public async Task FourEyes_AnAdminWhoRewroteASubordinatesDraftCannotApproveIt_EveryEditIsAuditedWithItsEditor()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.a", ct: ct);
        using var admin = await StaffApiClient.SignInAsync(_host.BaseAddress, "quantri.tinh", ct: ct);
        using var provinceApprover = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: ct);
        var (_, post) = await editor.PostAsync("/staff/api/posts", NewPost(), ct);
        var id = post.GetProperty("id").GetInt64();

        var (edited, editAnswer) = await admin.PutAsync($"/staff/api/posts/{id}", new
        {
            title = "Khám sàng lọc miễn phí (đã sửa)",
            body = "Trạm y tế xã khám miễn phí sáng thứ Bảy.",
            topic = "health",
            isPromotional = false,
            channels = new[] { "webchat" },
            audienceUnitIds = new[] { _communeA.Id },
        }, ct);
        Assert.True(edited == HttpStatusCode.OK, $"edit answered {edited}: {editAnswer}");
        await editor.PostAsync($"/staff/api/posts/{id}/submit", null, ct);
        var (adminApproves, refusal) = await admin.PostAsync($"/staff/api/posts/{id}/approve", null, ct);
        var (approverApproves, _) = await provinceApprover.PostAsync($"/staff/api/posts/{id}/approve", null, ct);

        Assert.Equal(HttpStatusCode.Forbidden, adminApproves);
        Assert.Equal("Người đã sửa bài không tự duyệt bài đó.", refusal.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, approverApproves);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        var edits = (await connection.QueryAsync<(string Username, string Title)>(
            $"SELECT s.username, e.title FROM post_edits e JOIN staff_users s ON s.id = e.editor_id WHERE e.post_id = {id} ORDER BY e.id")).ToList();
        Assert.Equal([("bientap.a", "Khám sàng lọc ung thư vú miễn phí"), ("quantri.tinh", "Khám sàng lọc miễn phí (đã sửa)")], edits);
    }

    [Fact]
    public async Task TitleTooLong_SaysHowLongAndTheLimit_NotThatItIsRequired()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.a", ct: ct);

        var (status, body) = await editor.PostAsync("/staff/api/posts", new
        {
            title = new string('a', 250), body = "Nội dung", topic = "health", channels = new[] { "webchat" }, audienceUnitIds = new[] { _communeA.Id },
        }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Tiêu đề dài 250 ký tự, tối đa 200 ký tự.", body.GetProperty("errors").GetProperty("title")[0].GetString());
    }

    private object NewPost() => new
    {
        title = "Khám sàng lọc ung thư vú miễn phí",
        body = "Hội LHPN xã phối hợp trạm y tế khám miễn phí cho hội viên.",
        topic = "health",
        isPromotional = false,
        channels = new[] { "webchat" },
        audienceUnitIds = new[] { _communeA.Id },
    };

    private async Task<JsonElement> WaitForPostStatusAsync(StaffApiClient client, long id, string status, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement body = default;
        while (DateTime.UtcNow < deadline)
        {
            (_, body) = await client.GetAsync($"/staff/api/posts/{id}", ct);
            if (body.GetProperty("post").GetProperty("status").GetString() == status)
            {
                return body;
            }

            await Task.Delay(100, ct);
        }

        // Say where it stopped: the post, its broadcasts, deliveries and Hangfire's jobs.
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        var deliveries = await connection.QueryAsync<string>("SELECT status || ':' || count(*) FROM deliveries GROUP BY status");
        var jobs = await connection.QueryAsync<string>(
            "SELECT invocationdata::text || ' => ' || coalesce(statename, '?') FROM hangfire.job ORDER BY id");
        Assert.Fail($"Post {id} never reached '{status}'.\n{body}\ndeliveries: {string.Join(", ", deliveries)}\njobs:\n{string.Join("\n", jobs)}");
        return default;
    }

    private async Task<int> CountAsync(string sql)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<int>(sql);
    }
}
