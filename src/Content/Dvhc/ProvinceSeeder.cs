using Dapper;
using Npgsql;
using Outreach.Content.Audit;
using Outreach.Content.Text;
using Outreach.Content.UnitSheets;
using Outreach.Content.UnitTree;

namespace Outreach.Content.Dvhc;

/// <summary>
/// Seeds a province unit with the communes, wards and special zones the 2025 reform gave its province, in one step and one
/// transaction (through the import, with its checks and audit): each becomes a unit of level <c>xa</c> named as officially
/// ("Phường Đồng Xoài"), with the register's code as its code and admin code. Idempotent by code: a commune already in the
/// tree (by code, by admin code, or by the same name) is left as it is, so running it again adds only what is missing. The
/// province unit gets the province's admin code if it has none, so the place matcher finds the old names.
/// </summary>
public sealed class ProvinceSeeder(NpgsqlDataSource dataSource, UnitImportStore import)
{
    public async Task<UnitImportOutcome> SeedAsync(UnitActor actor, long provinceUnitId, string provinceCode, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var data = DvhcData.Load();
        var province = data.Province(provinceCode);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var units = (await connection.QueryAsync<UnitNode>(new CommandDefinition(
            $"""
            SELECT {UnitNode.Columns} FROM org_units u
            JOIN org_units root ON root.id = @provinceUnitId
            JOIN org_units scope ON scope.id = @scopeUnitId AND root.path LIKE scope.path || '%'
            WHERE u.path LIKE root.path || '%'
            """,
            new { provinceUnitId, scopeUnitId = actor.ScopeUnitId },
            cancellationToken: cancellationToken))).AsList();
        var root = units.FirstOrDefault(u => u.Id == provinceUnitId);
        if (root is null)
        {
            return UnitImportOutcome.NotFound;
        }

        if (province is null)
        {
            return new UnitImportOutcome(UnitOutcomeStatus.Invalid, new UnitImportPlan([], [new UnitSheetError(null, DvhcMessages.UnknownProvince(provinceCode))]), false);
        }

        if (ProvinceError(data, root, units, province) is { } error)
        {
            return new UnitImportOutcome(UnitOutcomeStatus.Invalid, new UnitImportPlan([], [new UnitSheetError(null, error)]), false);
        }

        var rows = Rows(data.CommunesOf(provinceCode), units, UnitImportPlanner.Key(root));
        var outcome = await import.RunAsync(actor, provinceUnitId, rows, [],
            new ImportMode(dryRun, true, AuditActions.UnitsSeeded, code => data.Commune(code) is not null ? code : null, new { Province = province.FullName }),
            cancellationToken);
        if (outcome.Applied && root.AdminCode is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE org_units SET admin_code = @provinceCode WHERE id = @provinceUnitId AND admin_code IS NULL",
                new { provinceCode, provinceUnitId },
                cancellationToken: cancellationToken));
        }

        return outcome;
    }

    /// <summary>
    /// Why <paramref name="province"/>'s communes may not go under <paramref name="root"/>, or null: only under a unit of level
    /// <c>tinh</c>, never under the unit of another province (by its name, code or admin code: <see cref="UnitProvince"/>), nor
    /// next to communes seeded from another province's list.
    /// </summary>
    internal static string? ProvinceError(DvhcData data, UnitNode root, IReadOnlyList<UnitNode> subtree, DvhcProvince province)
    {
        if (root.Level != ProvinceLevel)
        {
            return DvhcMessages.NotAProvinceUnit(root.Name);
        }

        if (UnitProvince.Of(data, root.Name, root.Code, root.AdminCode) is { } own)
        {
            return own.Code == province.Code ? null : DvhcMessages.OtherProvince(root.Name, own, province);
        }

        var seeded = subtree.Select(u => u.AdminCode is { } code ? data.Commune(code) : null).OfType<DvhcCommune>()
            .FirstOrDefault(c => c.ProvinceCode != province.Code);
        return seeded is null ? null : DvhcMessages.OtherProvince(root.Name, data.Province(seeded.ProvinceCode)!, province);
    }

    /// <summary>The level whose units a province's communes are seeded under.</summary>
    public const string ProvinceLevel = "tinh";

    // One row per commune; one already in the tree (same code or admin code, else the same name) is named by its own key, so
    // it stays as it is. A unit stands for one commune only: codes are matched first, names only among units left over.
    private static List<UnitSheetRow> Rows(IReadOnlyList<DvhcCommune> communes, List<UnitNode> units, string rootKey)
    {
        var claimed = new HashSet<long>();
        var present = new Dictionary<string, UnitNode>(StringComparer.Ordinal);
        foreach (var commune in communes)
        {
            var unit = units.FirstOrDefault(u => u.Code == commune.Code && !claimed.Contains(u.Id))
                ?? units.FirstOrDefault(u => u.AdminCode == commune.Code && !claimed.Contains(u.Id));
            if (unit is not null && claimed.Add(unit.Id))
            {
                present[commune.Code] = unit;
            }
        }

        foreach (var commune in communes.Where(c => !present.ContainsKey(c.Code)))
        {
            var name = VietnameseText.Normalize(commune.FullName);
            var unit = units.FirstOrDefault(u => !claimed.Contains(u.Id) && VietnameseText.Normalize(u.Name) == name);
            if (unit is not null && claimed.Add(unit.Id))
            {
                present[commune.Code] = unit;
            }
        }

        return communes.Select((c, i) => new UnitSheetRow(
            i + 2, present.TryGetValue(c.Code, out var unit) ? UnitImportPlanner.Key(unit) : c.Code, c.FullName, "xa", rootKey)).ToList();
    }
}

/// <summary>The Vietnamese errors of seeding.</summary>
public static class DvhcMessages
{
    public static string UnknownProvince(string code) => $"Không có tỉnh/thành phố mã '{code}' trong danh mục đơn vị hành chính 2025.";

    public static string NotAProvinceUnit(string unitName) =>
        $"Chỉ tạo được xã, phường dưới đơn vị cấp tỉnh, thành phố; '{unitName}' không phải đơn vị cấp tỉnh. Hãy tạo dưới đơn vị Hội LHPN của tỉnh, thành phố đó.";

    public static string OtherProvince(string unitName, DvhcProvince own, DvhcProvince asked) =>
        $"'{unitName}' là đơn vị của {own.FullName}: không thể tạo các xã, phường của {asked.FullName} dưới đơn vị này. "
        + $"Hãy chọn {own.FullName}, hoặc tạo dưới đơn vị Hội LHPN của {asked.FullName}.";
}
