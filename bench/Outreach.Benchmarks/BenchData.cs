using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outreach.Content.Broadcasts;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Content.Staff;
using Outreach.Emulators.Messenger;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Benchmarks;

/// <summary>The province, the staff member and, per run, a commune of fresh members that a post is planned for.</summary>
internal sealed class BenchData(OrgUnit province, StaffUser editor)
{
    private int _runs;

    /// <summary>The province every bench commune belongs to.</summary>
    public OrgUnit Province => province;

    /// <summary>The province's admin, who writes the bench's posts (and adds OAs).</summary>
    public StaffUser Admin => editor;

    public static async Task<BenchData> CreateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var units = services.GetRequiredService<OrgUnitStore>();
        var province = await units.CreateAsync(null, "tinh", "Tỉnh (bench)", null, cancellationToken);
        var editor = await services.GetRequiredService<StaffUserStore>().CreateAsync("bench", "Bench", province.Id, "admin", "x", cancellationToken);
        return new BenchData(province, editor);
    }

    /// <summary>A new commune with <paramref name="size"/> Messenger members subscribed to "health", seeded in one statement.</summary>
    public async Task<OrgUnit> SeedCommuneAsync(IServiceProvider services, int size, string label, CancellationToken cancellationToken)
    {
        var run = Interlocked.Increment(ref _runs);
        var commune = await services.GetRequiredService<OrgUnitStore>().CreateAsync(province.Id, "xa", $"Xã {label} {run}", null, cancellationToken);
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            WITH c AS (
                INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id, last_inbound_at)
                SELECT 'messenger', @page, @prefix || g, @unit, now() - interval '1 hour' FROM generate_series(1, @size) g
                RETURNING id)
            INSERT INTO subscriptions (contact_id, topic, opted_in_at, source) SELECT id, 'health', now(), 'bench' FROM c
            """,
            new { page = MessengerEmulatorOptions.DefaultPageId, prefix = $"{label}{run}-", unit = commune.Id, size },
            commandTimeout: 0,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync("ANALYZE contacts; ANALYZE subscriptions");
        return commune;
    }

    /// <summary>A post for the commune's members, approved and scheduled for now.</summary>
    public async Task<Post> ScheduleAsync(IServiceProvider services, OrgUnit commune, CancellationToken cancellationToken, string[]? channels = null)
    {
        var posts = services.GetRequiredService<PostStore>();
        var post = await posts.CreateAsync(
            new Post
            {
                OrgUnitId = commune.Id, Title = "Khám sàng lọc miễn phí", Body = "Hội LHPN xã phối hợp trạm y tế khám miễn phí cho hội viên.",
                Topic = "health", IsPromotional = false, Audience = Audience.Of(channels ?? ["messenger"], [commune.Id]), CreatedBy = editor.Id,
            },
            cancellationToken);
        foreach (var (from, to) in new[] { ("draft", "submitted"), ("submitted", "approved"), ("approved", "scheduled") })
        {
            await posts.TransitionAsync(post.Id, from, to, editor.Id, null, to == "scheduled" ? new PostSchedule(PostSchedule.Once, DateTimeOffset.UtcNow, null) : null, cancellationToken);
        }

        return (await posts.FindAsync(post.Id, cancellationToken))!;
    }

    /// <summary>Seeds <paramref name="size"/> Messenger members in a new commune and plans a post for them. Returns (broadcast, post).</summary>
    public async Task<(long BroadcastId, long PostId)> PlanAsync(
        IServiceProvider services, int size, string label, CancellationToken cancellationToken, bool startWorkers = false)
    {
        var commune = await SeedCommuneAsync(services, size, label, cancellationToken);
        var post = await ScheduleAsync(services, commune, cancellationToken);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        if (startWorkers)
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PlanBroadcastJob>().RunAsync(post.Id, post.SendAt!.Value, cancellationToken);
        }
        else
        {
            var broadcast = await services.GetRequiredService<BroadcastStore>().GetOrCreateAsync(post.Id, DateTimeOffset.UtcNow, cancellationToken);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await services.GetRequiredService<AudiencePlanner>().PlanAsync(transaction, broadcast.Id, post, DateTimeOffset.UtcNow, 1000, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await using var read = await dataSource.OpenConnectionAsync(cancellationToken);
        var broadcastId = await read.ExecuteScalarAsync<long>("SELECT id FROM broadcasts WHERE post_id = @id", new { id = post.Id });
        return (broadcastId, post.Id);
    }
}
