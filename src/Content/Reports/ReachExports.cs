using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using Outreach.Content.Channels;
using Outreach.Content.Stats;
using Outreach.Content.Targets;

namespace Outreach.Content.Reports;

/// <summary>Writes the reach and targets report of a unit and period as an Excel workbook (one sheet per table) or a CSV table.</summary>
public static class ReachExports
{
    /// <summary>The .xlsx: an information sheet, then the summary, units, broadcasts and targets sheets. Numbers stay numbers.</summary>
    public static async Task WriteWorkbookAsync(
        Stream output, ReachReport reach, TargetReport targets, ChannelCatalog channels, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sheets = new Dictionary<string, object>
        {
            ["thong-tin"] = ReachReportTables.Information(reach, generatedAt).AsDictionaries().ToList(),
        };
        foreach (var name in ReachReportTables.Names)
        {
            sheets[name] = ReachReportTables.Build(name, reach, targets, channels).AsDictionaries().ToList();
        }

        await output.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// One table as RFC 4180 CSV in UTF-8 with a byte-order mark (Excel then reads the Vietnamese letters right). Every text
    /// field is quoted (the header too) and numbers are not, so a spreadsheet never takes a name for a number or a date. Cells
    /// that start like a formula (=, +, -, @) are escaped, so a unit or post name can never run as a formula.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, ReportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true, NewLine = "\r\n" };
        await using var csv = CsvWriter.Create(output, options, true);
        foreach (var column in table.Columns)
        {
            csv.WriteField(column, CsvQuoting.Always);
        }

        await csv.EndRecordAsync(cancellationToken);
        foreach (var row in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var cell in row)
            {
                switch (cell)
                {
                    case decimal d:
                        csv.WriteField(d.ToString("0.##", CultureInfo.InvariantCulture));
                        break;
                    case IFormattable f:
                        csv.WriteField(f.ToString(null, CultureInfo.InvariantCulture));
                        break;
                    default:
                        csv.WriteField(cell?.ToString() ?? "", CsvQuoting.Always);
                        break;
                }
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
