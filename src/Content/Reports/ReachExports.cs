using System.Drawing;
using System.Globalization;
using CsvHelper;
using Outreach.Content.Channels;
using Outreach.Content.Targets;
using SpreadCheetah;
using SpreadCheetah.Metadata;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Outreach.Content.Reports;

/// <summary>Writes the report of a unit and period as an Excel workbook (one sheet per table) or one table as CSV.</summary>
public static class ReachExports
{
    /// <summary>Whole counts: "#,##0", which Excel and LibreOffice set to Vietnamese show as 25.000.</summary>
    public const string CountFormat = "#,##0";

    /// <summary>Amounts with a fraction (a target of 12,5).</summary>
    public const string AmountFormat = "#,##0.00";

    /// <summary>The header row's fill: a solid pattern (LibreOffice ignores a fill without one), light blue.</summary>
    public static readonly Color HeaderFill = Color.FromArgb(0xDD, 0xEB, 0xF7);

    private const double MinWidth = 8;
    private const double MaxWidth = 60;

    /// <summary>
    /// The .xlsx (SpreadCheetah): the information sheet, then summary, units, broadcasts, targets and members, each named in
    /// Vietnamese. Every sheet has its header row (bold, on a solid fill, frozen) even when it has no rows; numbers stay numbers
    /// with a thousands format, percentages are fractions with a % format, and each column is as wide as its longest value.
    /// </summary>
    public static async Task WriteWorkbookAsync(
        Stream output, ReportFigures figures, ChannelCatalog channels, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(figures);
        var options = new SpreadCheetahOptions
        {
            DocumentProperties = new DocumentProperties
            {
                Title = $"Báo cáo {figures.Reach.Unit.Name} – {figures.Reach.Period.Name}",
                Author = figures.Reach.Unit.Name,
            },
        };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, options, cancellationToken);
        var styles = new Styles(spreadsheet);
        await WriteSheetAsync(spreadsheet, styles, ReachReportTables.InformationTable(figures.Reach, generatedAt), cancellationToken);
        foreach (var name in ReachReportTables.Names)
        {
            await WriteSheetAsync(spreadsheet, styles, ReachReportTables.Build(name, figures, channels), cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    /// <summary>
    /// One table as CSV for Excel set to Vietnamese: fields separated by ';' (the list separator of vi-VN, where ',' is the
    /// decimal mark), UTF-8 with a byte-order mark (how Excel knows the file is UTF-8; a "sep=;" line would make it ignore the
    /// mark and garble the Vietnamese letters), CRLF rows. Numbers are written the Vietnamese way without grouping (1234,5),
    /// percentages as "55,57%", so Excel reads both as numbers. Text is quoted; cells that start like a formula (=, +, -, @)
    /// are escaped, so a unit or post name can never run as a formula.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, ReportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true, NewLine = "\r\n", Separator = ';' };
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
                    case null:
                        csv.WriteField("");
                        break;
                    case ReportPercent p:
                        csv.WriteField(PercentText(p));
                        break;
                    case decimal d:
                        csv.WriteField(d.ToString("0.##", VietnameseFormat.Culture));
                        break;
                    case IFormattable f:
                        csv.WriteField(f.ToString(null, CultureInfo.InvariantCulture));
                        break;
                    default:
                        csv.WriteField(cell.ToString() ?? "", CsvQuoting.Always);
                        break;
                }
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static async Task WriteSheetAsync(Spreadsheet spreadsheet, Styles styles, ReportTable table, CancellationToken cancellationToken)
    {
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var widest = table.Rows.Select(r => ShownText(r[i]).Length).Append(table.Columns[i].Length).Max();
            options.Column(i + 1).Width = Math.Clamp(widest + 2, MinWidth, MaxWidth);
        }

        await spreadsheet.StartWorksheetAsync(table.Title, options, cancellationToken);
        await spreadsheet.AddHeaderRowAsync(table.Columns.ToArray(), styles.Header, cancellationToken);
        foreach (var row in table.Rows)
        {
            await spreadsheet.AddRowAsync(row.Select(styles.Cell).ToArray(), cancellationToken);
        }
    }

    // What a cell shows (vi-VN), to size its column.
    private static string ShownText(object? cell) => cell switch
    {
        null => "",
        ReportPercent p => PercentText(p),
        decimal d => VietnameseFormat.Number(d),
        long l => VietnameseFormat.Number(l),
        int i => VietnameseFormat.Number(i),
        _ => cell.ToString() ?? "",
    };

    private static string PercentText(ReportPercent percent) =>
        (percent.Fraction * 100m).ToString(percent.Decimals == 0 ? "0" : "0.00", VietnameseFormat.Culture) + "%";

    private sealed class Styles(Spreadsheet spreadsheet)
    {
        public StyleId Header { get; } = spreadsheet.AddStyle(new Style
        {
            Font = { Bold = true },
            Fill = { Color = HeaderFill },
            Alignment = { Vertical = VerticalAlignment.Center },
        });

        private readonly StyleId _count = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(CountFormat) });
        private readonly StyleId _amount = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(AmountFormat) });
        private readonly StyleId _percent = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0%") });
        private readonly StyleId _percentTwo = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.00%") });

        public Cell Cell(object? value) => value switch
        {
            null => default,
            long l => new Cell(l, _count),
            int i => new Cell(i, _count),
            decimal d when d == decimal.Truncate(d) => new Cell(d, _count),
            decimal d => new Cell(d, _amount),
            ReportPercent p => new Cell(p.Fraction, p.Decimals == 0 ? _percent : _percentTwo),
            _ => new Cell(value.ToString() ?? ""),
        };
    }
}
