using System.Net;
using System.Text.Json;
using Dapper;

namespace Outreach.Testing;

/// <summary>Drives a post through the staff API to sending (editor writes and submits, a province approver approves and schedules).</summary>
public static class BroadcastFlow
{
    /// <summary>
    /// The usual world of a broadcast test: a province with the approver "duyet", its commune with the editor "bientap", and
    /// <paramref name="members"/> Messenger members of the commune (ids <paramref name="prefix"/>1…) who wrote an hour ago, on the
    /// emulator too. Returns the commune's id.
    /// </summary>
    public static async Task<long> MessengerAudienceAsync(
        TestDatabase database, Outreach.Emulators.Messenger.MessengerEmulator messenger, int members, string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messenger);
        var seed = new Seed(database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var commune = await seed.UnitAsync(province.Id, "xa", "Xã A", ct);
        await seed.StaffAsync("bientap", commune.Id, "editor", ct);
        await seed.StaffAsync("duyet", province.Id, "approver", ct);
        await seed.ManyContactsAsync("messenger", members, commune.Id, "health", DateTimeOffset.UtcNow.AddHours(-1), prefix, ct);
        for (var i = 1; i <= members; i++)
        {
            messenger.UserInteracted($"{prefix}{i}");
        }

        return commune.Id;
    }

    /// <summary>Creates, approves and schedules a post to go out now; returns the post id.</summary>
    public static Task<long> SendNowAsync(
        StaffApiClient editor, StaffApiClient approver, long unitId, string channel, CancellationToken ct, string topic = "health") =>
        SendNowAsync(editor, approver, unitId, [channel], ct, topic);

    /// <summary>Creates, approves and schedules a post to go out now on several channels; returns the post id.</summary>
    public static async Task<long> SendNowAsync(
        StaffApiClient editor, StaffApiClient approver, long unitId, string[] channels, CancellationToken ct, string topic = "health")
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(approver);
        var (created, post) = await editor.PostAsync(
            "/staff/api/posts",
            new
            {
                title = "Khám sàng lọc miễn phí",
                body = "Hội LHPN xã phối hợp trạm y tế khám sàng lọc ung thư vú miễn phí cho hội viên từ 35 tuổi.",
                topic,
                isPromotional = false,
                channels,
                audienceUnitIds = new[] { unitId },
            },
            ct);
        Ensure(created == HttpStatusCode.Created, post);
        var id = post.GetProperty("id").GetInt64();
        Ensure((await editor.PostAsync($"/staff/api/posts/{id}/submit", null, ct)).Status == HttpStatusCode.OK, post);
        Ensure((await approver.PostAsync($"/staff/api/posts/{id}/approve", null, ct)).Status == HttpStatusCode.OK, post);
        var (scheduled, body) = await approver.PostAsync($"/staff/api/posts/{id}/schedule", new { sendAt = DateTimeOffset.UtcNow }, ct);
        Ensure(scheduled == HttpStatusCode.OK, body);
        return id;
    }

    /// <summary>Waits until the post has a broadcast and returns its id.</summary>
    public static async Task<long> BroadcastOfAsync(TestDatabase database, long postId, CancellationToken ct) =>
        await PollAsync(database, $"SELECT id FROM broadcasts WHERE post_id = {postId} AND planned_at IS NOT NULL", id => id > 0, ct);

    /// <summary>Polls a scalar query until <paramref name="done"/> holds (60 s at most).</summary>
    public static async Task<long> PollAsync(TestDatabase database, string sql, Func<long, bool> done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(done);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var connection = await database.DataSource.OpenConnectionAsync(timeout.Token))
            {
                var value = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, cancellationToken: timeout.Token)) ?? 0;
                if (done(value))
                {
                    return value;
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static void Ensure(bool condition, JsonElement body)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Staff API refused a step: " + body);
        }
    }
}
