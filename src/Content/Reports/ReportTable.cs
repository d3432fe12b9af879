namespace Outreach.Content.Reports;

/// <summary>
/// One table of a report (a sheet of the workbook, or the whole CSV): <see cref="Name"/> is its code in addresses
/// (<c>tong-quan</c>), <see cref="Title"/> its Vietnamese name (the sheet's name, "Tổng quan"), then the Vietnamese column
/// names and typed cells: text, whole counts (long), amounts (decimal), <see cref="ReportPercent"/> and null (empty).
/// </summary>
public sealed record ReportTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// A percentage kept as a number: <see cref="Fraction"/> 0.5557 is 55,57%, written with <see cref="Decimals"/> (0 or 2)
/// decimals. The workbook stores the fraction with a % format; the CSV writes "55,57%", which Excel reads back as a number.
/// </summary>
public readonly record struct ReportPercent(decimal Fraction, int Decimals);
