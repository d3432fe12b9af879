using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outreach.Content.Text;

namespace Outreach.Content.UnitSheets;

/// <summary>
/// Reads a unit sheet (.xlsx) with the Open XML SDK's streaming reader, row by row: the sheet named <c>don-vi</c> (or the
/// only sheet, when its header fits), its header (Mã, Tên, Cấp, Mã đơn vị cấp trên), and every row. A cell holding a
/// formula is an error of its row (only typed values are imported); a sheet of 50,000 rows or more is refused from its
/// declared size, before its rows are read, or as soon as the 50,000th row is met.
/// </summary>
public static class UnitSheetReader
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["ma"] = UnitSheetColumns.Code, ["code"] = UnitSheetColumns.Code, ["ma don vi"] = UnitSheetColumns.Code,
        ["ten"] = UnitSheetColumns.Name, ["name"] = UnitSheetColumns.Name, ["ten don vi"] = UnitSheetColumns.Name,
        ["cap"] = UnitSheetColumns.Level, ["level"] = UnitSheetColumns.Level, ["cap don vi"] = UnitSheetColumns.Level,
        ["ma don vi cap tren"] = UnitSheetColumns.ParentCode, ["ma cap tren"] = UnitSheetColumns.ParentCode,
        ["parent code"] = UnitSheetColumns.ParentCode, ["parent"] = UnitSheetColumns.ParentCode,
    };

    public static UnitSheet Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var document = SpreadsheetDocument.Open(stream, false);
            return Read(document);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException)
        {
            return Failed(UnitSheetMessages.NotAWorkbook);
        }
    }

    private static UnitSheet Read(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart;
        var sheets = workbook?.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (workbook is null || sheets.Count == 0)
        {
            return Failed(UnitSheetMessages.NotAWorkbook);
        }

        var sheet = sheets.FirstOrDefault(s => VietnameseText.Fold(s.Name?.Value) == UnitSheetColumns.SheetName.Replace('-', ' '))
            ?? (sheets.Count == 1 ? sheets[0] : null);
        if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            return Failed(UnitSheetMessages.WrongSheet(sheets.Select(s => s.Name?.Value ?? "")));
        }

        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        return ReadRows(part, strings, sheet.Name?.Value ?? "");
    }

    private static UnitSheet ReadRows(WorksheetPart part, string[] strings, string sheetName)
    {
        var rows = new List<UnitSheetRow>();
        var errors = new List<UnitSheetError>();
        Dictionary<string, int>? columns = null;
        var dataRows = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SheetDimension) && reader.IsStartElement
                && DeclaredRows(((SheetDimension)reader.LoadCurrentElement()!).Reference?.Value) >= UnitSheetColumns.MaxRows)
            {
                return Failed(UnitSheetMessages.TooManyRows);
            }

            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int)(row.RowIndex?.Value ?? (uint)(dataRows + 1));
            var cells = Cells(row, strings, out var formulas);
            if (cells.Values.All(string.IsNullOrWhiteSpace) && formulas.Count == 0)
            {
                continue;
            }

            if (columns is null)
            {
                columns = HeaderColumns(cells);
                var missing = new[] { UnitSheetColumns.Code, UnitSheetColumns.Name, UnitSheetColumns.Level, UnitSheetColumns.ParentCode }
                    .Where(c => !columns.ContainsKey(c)).ToList();
                if (missing.Count > 0)
                {
                    return Failed(UnitSheetMessages.MissingColumns(sheetName, number, missing));
                }

                continue;
            }

            if (++dataRows >= UnitSheetColumns.MaxRows)
            {
                return Failed(UnitSheetMessages.TooManyRows);
            }

            foreach (var reference in formulas)
            {
                errors.Add(new UnitSheetError(number, UnitSheetMessages.Formula(number, reference)));
            }

            if (formulas.Count == 0)
            {
                rows.Add(new UnitSheetRow(number, Get(cells, columns, UnitSheetColumns.Code), Get(cells, columns, UnitSheetColumns.Name),
                    Get(cells, columns, UnitSheetColumns.Level), Get(cells, columns, UnitSheetColumns.ParentCode)));
            }
        }

        return columns is null ? Failed(UnitSheetMessages.Empty(sheetName)) : new UnitSheet(rows, errors);
    }

    // Column letters → text of each cell of the row; the references of cells holding a formula.
    private static Dictionary<string, string> Cells(Row row, string[] strings, out List<string> formulas)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        formulas = [];
        var position = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            position++;
            var reference = cell.CellReference?.Value ?? ColumnName(position) + row.RowIndex?.Value;
            var column = new string(reference.TakeWhile(char.IsLetter).ToArray());
            if (cell.CellFormula is not null)
            {
                formulas.Add(reference);
                continue;
            }

            cells[column] = Text(cell, strings).Trim();
        }

        return cells;
    }

    private static string Text(Cell cell, string[] strings)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? strings[i] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        return value;
    }

    private static Dictionary<string, int> HeaderColumns(Dictionary<string, string> cells)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (column, text) in cells)
        {
            var key = VietnameseText.Fold(text.Replace('_', ' '));
            if (Headers.TryGetValue(key, out var name))
            {
                columns.TryAdd(name, ColumnNumber(column));
            }
        }

        return columns;
    }

    private static string Get(Dictionary<string, string> cells, Dictionary<string, int> columns, string name) =>
        cells.GetValueOrDefault(ColumnName(columns[name])) ?? "";

    // "A1:D60001" → 60001 (the last row the sheet says it uses); 0 when it does not say.
    private static int DeclaredRows(string? reference)
    {
        var last = reference?.Split(':')[^1] ?? "";
        var digits = new string(last.SkipWhile(char.IsLetter).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows - 1 : 0;
    }

    private static int ColumnNumber(string letters) => letters.Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1));

    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    private static UnitSheet Failed(string message) => new([], [new UnitSheetError(null, message)]);
}
