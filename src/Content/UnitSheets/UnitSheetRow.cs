namespace Outreach.Content.UnitSheets;

/// <summary>One row of a unit sheet as typed (trimmed): <see cref="Row"/> is its number in the spreadsheet (the header is row 1).</summary>
public sealed record UnitSheetRow(int Row, string Code, string Name, string Level, string ParentCode);

/// <summary>A problem with the file (<see cref="Row"/> null) or with one row, in Vietnamese, naming the row.</summary>
public sealed record UnitSheetError(int? Row, string Message);

/// <summary>What was read: the rows, or the errors that stop the import (a wrong file, a wrong sheet, too many rows).</summary>
public sealed record UnitSheet(IReadOnlyList<UnitSheetRow> Rows, IReadOnlyList<UnitSheetError> Errors);

/// <summary>The columns of a unit sheet, as exported (and recognised on import, with English and unaccented variants).</summary>
public static class UnitSheetColumns
{
    public const string SheetName = "don-vi";
    public const string Code = "Mã";
    public const string Name = "Tên";
    public const string Level = "Cấp";
    public const string ParentCode = "Mã đơn vị cấp trên";
    public const string JoinCode = "Mã tham gia (Zalo)";
    public const string Status = "Trạng thái";

    /// <summary>Files with this many data rows or more are refused before any row is read.</summary>
    public const int MaxRows = 50_000;
}
