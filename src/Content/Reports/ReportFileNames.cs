using System.Text;

namespace Outreach.Content.Reports;

/// <summary>
/// Download names of the report: Vietnamese, with the unit's and the period's names ("Báo cáo - Hội LHPN xã Tân Hưng - Quý
/// I-2026.xlsx"), safe on Windows: no \ / : * ? " &lt; &gt; | or control characters (a "/" becomes "-"), no trailing dot or
/// space, at most 150 characters, in NFC (a name typed on a Mac stays one name).
/// </summary>
public static class ReportFileNames
{
    public const int MaxLength = 150;

    /// <summary>The file name of the report of <paramref name="unitName"/> over <paramref name="periodName"/>, with an optional part (a CSV's table).</summary>
    public static string For(string unitName, string periodName, string? part, string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var parts = new List<string> { "Báo cáo", Clean(unitName), Clean(periodName) };
        if (part is not null)
        {
            parts.Add(Clean(part));
        }

        var stem = string.Join(" - ", parts.Where(p => p.Length > 0));
        var room = MaxLength - extension.Length - 1;
        if (stem.Length > room)
        {
            stem = stem[..room].TrimEnd(' ', '.', '-');
        }

        return stem + "." + extension;
    }

    /// <summary>A name with every character Windows refuses replaced and spaces collapsed.</summary>
    public static string Clean(string? name)
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var shown = c switch
            {
                '/' or '\\' or '|' or ':' => '-',
                '*' or '?' or '"' or '<' or '>' => ' ',
                _ when char.IsControl(c) => ' ',
                _ => c,
            };
            if (shown == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(shown);
        }

        return builder.ToString().Trim().TrimEnd('.', ' ');
    }
}
