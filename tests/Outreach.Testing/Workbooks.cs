using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Outreach.Testing;

/// <summary>
/// Builds .xlsx files cell by cell with the Open XML SDK, the way Excel stores them (shared strings, typed numbers,
/// formulas with their cached value), so the reader meets what staff will really upload.
/// </summary>
public static class Workbooks
{
    public static readonly string[] Header = ["Mã", "Tên", "Cấp", "Mã đơn vị cấp trên"];

    /// <summary>A workbook of one sheet; a cell text starting with '=' is written as a formula (cached value "0").</summary>
    public static MemoryStream Build(IEnumerable<string[]> rows, string sheetName = "don-vi", string? declaredRange = null, params string[] otherSheets)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>();
            uint sheetId = 1;
            foreach (var name in otherSheets.Prepend(sheetName))
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var worksheet = new Worksheet();
                if (declaredRange is not null && name == sheetName)
                {
                    worksheet.Append(new SheetDimension { Reference = declaredRange });
                }

                worksheet.Append(data);
                part.Worksheet = worksheet;
                if (name == sheetName)
                {
                    uint r = 1;
                    foreach (var row in rows)
                    {
                        data.Append(Row(r++, row, strings.SharedStringTable, index));
                    }
                }

                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }
        }

        stream.Position = 0;
        return stream;
    }

    public static MemoryStream Units(params string[][] rows) => Build(rows.Prepend(Header));

    private static Row Row(uint number, string[] cells, SharedStringTable table, Dictionary<string, int> index)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < cells.Length; i++)
        {
            var reference = (char)('A' + i) + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = cells[i];
            if (text.StartsWith('='))
            {
                row.Append(new Cell { CellReference = reference, CellFormula = new CellFormula(text[1..]), CellValue = new CellValue("0") });
            }
            else if (text.Length > 0 && text.All(char.IsAsciiDigit) && text[0] != '0')
            {
                row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(text) });
            }
            else if (text.Length > 0)
            {
                if (!index.TryGetValue(text, out var at))
                {
                    at = index.Count;
                    index[text] = at;
                    table.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text)));
                }

                row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(at.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
            }
        }

        return row;
    }
}
