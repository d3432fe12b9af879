using Dapper;
using Npgsql;
using Outreach.Content.Posts;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console;

/// <summary>
/// The few reads only the console needs (topics for a form, staff lists, the calendar's month, counts for the overview).
/// Each is scoped by a unit's path, like the stores' own lists: "this unit and everything below it" is one range scan.
/// </summary>
public sealed class ConsoleStore(NpgsqlDataSource dataSource)
{
    private const string PostColumns =
        "p.id, p.org_unit_id, p.title, p.body, p.link_url, p.topic, p.is_promotional, p.audience, p.status, " +
        "p.schedule_kind, p.send_at, p.cron, p.created_by, p.approved_by, p.created_at, p.updated_at";

    private const string InScope = "u.path LIKE (SELECT path FROM org_units WHERE id = @scopeUnitId) || '%'";

    public async Task<IReadOnlyList<Topic>> TopicsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Topic>(new CommandDefinition(
            "SELECT code, name_vi AS name FROM topics ORDER BY name_vi", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Staff of the unit and the units below it, with their unit's name.</summary>
    public async Task<IReadOnlyList<StaffListing>> ListStaffAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffListing>(new CommandDefinition(
            $"""
            SELECT s.id, s.username, s.display_name AS displayname, s.org_unit_id AS orgunitid, s.role, s.is_active AS isactive,
                   u.name AS orgunitname
            FROM staff_users s JOIN org_units u ON u.id = s.org_unit_id
            WHERE {InScope}
            ORDER BY u.depth, u.name, s.username
            """,
            new { scopeUnitId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Posts of the scope with a schedule that may fall between <paramref name="fromUtc"/> and <paramref name="toUtc"/>.</summary>
    public async Task<IReadOnlyList<Post>> ScheduledAsync(long scopeUnitId, DateTimeOffset fromUtc, DateTimeOffset toUtc,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Post>(new CommandDefinition(
            $"""
            SELECT {PostColumns} FROM posts p JOIN org_units u ON u.id = p.org_unit_id
            WHERE {InScope} AND p.schedule_kind IS NOT NULL
              AND ((p.schedule_kind = 'once' AND p.send_at >= @fromUtc AND p.send_at < @toUtc)
                OR (p.schedule_kind = 'recurring' AND p.status IN ('scheduled', 'sending')))
            ORDER BY p.send_at NULLS LAST, p.id
            LIMIT 500
            """,
            new { scopeUnitId, fromUtc, toUtc },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>How many posts of the scope are in each status.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PostCountsAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, int Count)>(new CommandDefinition(
            $"SELECT p.status, count(*)::int FROM posts p JOIN org_units u ON u.id = p.org_unit_id WHERE {InScope} GROUP BY p.status",
            new { scopeUnitId },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal);
    }
}

/// <summary>A topic members subscribe to, and posts are written on.</summary>
public sealed record Topic(string Code, string Name);
