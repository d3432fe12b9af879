using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using Outreach.Content.Dvhc;
using Outreach.Content.Text;

namespace Outreach.Content.UnitMatching;

/// <summary>
/// The <see cref="PlaceIndex"/> of a province: its commune-level units (active, and merged ones for their old names) with
/// the reform data of the province (by the province unit's admin code, else by its name). Built on first use and kept
/// until the tree changes (<c>org_unit_tree_version</c>, one small read per lookup).
/// </summary>
public sealed class PlaceIndexStore(NpgsqlDataSource dataSource)
{
    /// <summary>The level whose units members choose as "her xã/phường".</summary>
    public const string CommuneLevel = "xa";

    private readonly ConcurrentDictionary<long, (long Version, PlaceIndex Index)> _cache = new();

    /// <summary>
    /// The index of the province that <paramref name="unitId"/> is (or lies in: the nearest ancestor of level <c>tinh</c>;
    /// the unit itself when none). Null when the unit does not exist.
    /// </summary>
    public async Task<PlaceIndex?> GetAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var province = await connection.QuerySingleOrDefaultAsync<ProvinceRow>(new CommandDefinition(
            """
            SELECT p.id, p.name, p.admin_code AS admincode, (SELECT version FROM org_unit_tree_version WHERE id = 1) AS version
            FROM org_units u JOIN org_units p ON u.path LIKE p.path || '%'
            WHERE u.id = @unitId AND (p.level = 'tinh' OR p.id = u.id)
            ORDER BY (p.level = 'tinh') DESC, p.depth DESC LIMIT 1
            """,
            new { unitId },
            cancellationToken: cancellationToken));
        if (province is null)
        {
            return null;
        }

        if (_cache.TryGetValue(province.Id, out var cached) && cached.Version == province.Version)
        {
            return cached.Index;
        }

        var units = await connection.QueryAsync<PlaceUnit>(new CommandDefinition(
            """
            SELECT u.id, u.name, u.admin_code AS admincode, u.merged_into_id AS mergedintoid FROM org_units u
            WHERE u.path LIKE (SELECT path FROM org_units WHERE id = @provinceId) || '%' AND u.level = @level
              AND (u.is_active OR u.merged_into_id IS NOT NULL)
            ORDER BY u.id
            """,
            new { provinceId = province.Id, level = CommuneLevel },
            cancellationToken: cancellationToken));
        var data = DvhcData.Load();
        var index = PlaceIndex.Build(units.AsList(), data, ProvinceCode(data, province));
        _cache[province.Id] = (province.Version, index);
        return index;
    }

    /// <summary>The reform data's code of the province unit: its admin code, else the one province whose name it carries.</summary>
    internal static string? ProvinceCode(DvhcData data, ProvinceRow province)
    {
        if (province.AdminCode is not null && data.Province(province.AdminCode) is not null)
        {
            return province.AdminCode;
        }

        var name = " " + VietnameseText.Fold(province.Name) + " ";
        var matches = data.Provinces.Where(p => name.Contains(" " + VietnameseText.Fold(p.Name) + " ", StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? matches[0].Code : null;
    }

    internal sealed record ProvinceRow(long Id, string Name, string? AdminCode, long Version);
}
