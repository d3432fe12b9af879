using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Reach;
using Outreach.Content.Audit;
using Outreach.Content.Dvhc;
using Outreach.Content.JoinMaterial;
using Outreach.Content.Members;
using Outreach.Content.Staff;
using Outreach.Content.UnitSheets;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Units;

/// <summary>
/// The unit tree for a staff member: her unit and everything below it, with members per unit; every change (create, rename,
/// code, move, deactivate, merge, import, seed) is for admins and stays inside her subtree: a unit outside it does not exist
/// for her (404), before any role is checked. Join material (link, join code, QR) is for every staff member of the unit.
/// The rules of the tree itself (levels, cycles, codes, what a merge moves) are <see cref="UnitTreeStore"/>'s; this class
/// turns its outcomes into <see cref="StaffResult{T}"/> with each problem on its field.
/// </summary>
public sealed partial class UnitService(
    UnitTreeStore tree,
    UnitImportStore imports,
    ProvinceSeeder seeder,
    MemberStore members,
    AuditStore audit,
    JoinAccounts accounts,
    TimeProvider time)
{
    /// <summary>Why she may not change the tree (admins only), or null when she may.</summary>
    public static string? ManageRefusal(StaffSession session) =>
        (session ?? throw new ArgumentNullException(nameof(session))).User.Role == StaffRoles.Admin
            ? null
            : "Chỉ quản trị viên mới thêm, sửa, chuyển, ngừng hoạt động hay sáp nhập đơn vị.";

    public static bool CanManage(StaffSession session) => ManageRefusal(session) is null;

    /// <summary>Her tree with members per unit; deactivated and merged units too when <paramref name="includeInactive"/>.</summary>
    public async Task<UnitTreeView> TreeAsync(StaffSession session, bool includeInactive, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var units = await tree.ListSubtreeAsync(session.Unit.Id, session.Unit.Id, includeInactive, ct);
        var counts = await members.CountsAsync(session.Unit.Id, ct);
        return new UnitTreeView(Join(units, counts), counts.Unplaced, await tree.LevelsAsync(ct));
    }

    /// <summary>A unit of hers with its parent, children, members and history.</summary>
    public async Task<StaffResult<UnitDetails>> DetailsAsync(StaffSession session, long unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await tree.FindAsync(session.Unit.Id, unitId, ct) is not { } unit)
        {
            return NotFound();
        }

        var scope = await tree.ListSubtreeAsync(session.Unit.Id, session.Unit.Id, true, ct);
        var listings = Join(scope, await members.CountsAsync(session.Unit.Id, ct));
        var byId = scope.ToDictionary(u => u.Id);
        return new UnitDetails(
            unit,
            unit.ParentId is { } parent ? byId.GetValueOrDefault(parent) : null,
            unit.MergedIntoId is { } into ? byId.GetValueOrDefault(into) ?? await tree.FindAsync(session.Unit.Id, into, ct) : null,
            listings.Where(l => l.Unit.ParentId == unit.Id).ToList(),
            listings.Single(l => l.Unit.Id == unit.Id),
            scope,
            await tree.LevelsAsync(ct),
            await audit.ListAsync(session.Unit.Id, unit.Id, null, 30, ct),
            CanManage(session));
    }

    /// <summary>A unit of hers: what its members scan or type to join it (any staff member of the unit prints it).</summary>
    public async Task<StaffResult<UnitJoinMaterial>> JoinMaterialAsync(StaffSession session, long unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await tree.FindAsync(session.Unit.Id, unitId, ct) is not { } unit)
        {
            return NotFound();
        }

        if (unit.MergedIntoId is not null || !unit.IsActive)
        {
            return StaffRefusal.Conflict("Đơn vị không nhận hội viên mới",
                unit.MergedIntoId is not null ? UnitTreeMessages.UnitMerged(unit.Name) : MemberMessages.UnitInactive(unit.Name));
        }

        var (page, oa) = await accounts.ForAsync(unit, ct);
        return JoinMaterialBuilder.Build(unit.Name, unit.Code, unit.JoinCode, page, oa);
    }

    /// <summary>Her tree from <paramref name="rootId"/> (hers when null) as the .xlsx the import reads back.</summary>
    public async Task<StaffResult<ReportFile>> ExportAsync(StaffSession session, long? rootId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var root = rootId ?? session.Unit.Id;
        var units = await tree.ListSubtreeAsync(session.Unit.Id, root, includeInactive: true, ct);
        if (units.Count == 0)
        {
            return NotFound();
        }

        var buffer = new MemoryStream();
        await UnitSheetWriter.WriteAsync(buffer, units, ct);
        buffer.Position = 0;
        var day = Content.Targets.VietnameseFormat.Day(time.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new ReportFile(buffer, ReportFile.Xlsx, $"don-vi-{units[0].Code ?? units[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{day}.xlsx");
    }

    /// <summary>The 34 provinces and cities of the 2025 reform, with how many communes and wards each has, by name in Vietnamese order.</summary>
    public static IReadOnlyList<SeedProvince> Provinces()
    {
        var data = DvhcData.Load();
        return data.Provinces.OrderBy(p => p.Name, UnitTreeOrder.Names)
            .Select(p => new SeedProvince(p.Code, p.FullName, data.CommunesOf(p.Code).Count)).ToList();
    }

    /// <summary>The province of the 2025 data a unit of level <c>tinh</c> stands for (its name, code or admin code), or null.</summary>
    public static DvhcProvince? ProvinceOf(UnitNode unit) =>
        (unit ?? throw new ArgumentNullException(nameof(unit))).Level == ProvinceSeeder.ProvinceLevel
            ? UnitProvince.Of(DvhcData.Load(), unit.Name, unit.Code, unit.AdminCode)
            : null;

    private static UnitActor Actor(StaffSession session) => new(session.User.Id, session.Unit.Id);

    private static StaffRefusal NotFound() => StaffRefusal.NotFound(UnitTreeMessages.NotFound);

    private static List<UnitListing> Join(IReadOnlyList<UnitNode> units, MemberCounts counts)
    {
        var byId = counts.Units.ToDictionary(c => c.UnitId);
        return units.Select(u => byId.TryGetValue(u.Id, out var c) ? new UnitListing(u, c.Direct, c.Subtree) : new UnitListing(u, 0, 0)).ToList();
    }
}
