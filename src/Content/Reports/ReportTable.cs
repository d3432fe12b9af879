namespace Outreach.Content.Reports;

/// <summary>One table of a report (a sheet of the workbook, or the whole CSV): Vietnamese column names and typed cells.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The rows keyed by column name, in column order (MiniExcel writes the keys as the header row).</summary>
    public IEnumerable<IDictionary<string, object?>> AsDictionaries() => Rows.Select(row =>
    {
        var cells = new Dictionary<string, object?>(Columns.Count);
        for (var i = 0; i < Columns.Count; i++)
        {
            cells[Columns[i]] = row[i];
        }

        return (IDictionary<string, object?>)cells;
    });
}
