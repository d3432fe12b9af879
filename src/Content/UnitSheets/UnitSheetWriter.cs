using MiniExcelLibs;
using Outreach.Content.UnitMatching;
using Outreach.Content.UnitTree;

namespace Outreach.Content.UnitSheets;

/// <summary>
/// Writes a tree as the unit sheet that <see cref="UnitSheetReader"/> reads back (MiniExcel, one sheet <c>don-vi</c>): code,
/// name, level code, parent code, then for reading only the join code and the state. A unit without a code is written
/// <c>#id</c>, so the file re-imports as it is. Every cell is text (a code keeps its leading zeros).
/// </summary>
public static class UnitSheetWriter
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<UnitNode> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(units);
        var keys = units.ToDictionary(u => u.Id, UnitImportPlanner.Key);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var rows = units.Select(u => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [UnitSheetColumns.Code] = keys[u.Id],
            [UnitSheetColumns.Name] = u.Name,
            [UnitSheetColumns.Level] = u.Level,
            [UnitSheetColumns.ParentCode] = u.ParentId is { } parent && keys.TryGetValue(parent, out var key) ? key : "",
            [UnitSheetColumns.JoinCode] = JoinCode.Display(u.JoinCode),
            [UnitSheetColumns.Status] = u.MergedIntoId is { } into
                ? $"đã sáp nhập vào {names.GetValueOrDefault(into) ?? "#" + into}"
                : u.IsActive ? "hoạt động" : "ngừng hoạt động",
        }).ToList();
        await output.SaveAsAsync(new Dictionary<string, object> { [UnitSheetColumns.SheetName] = rows }, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }
}
