using Outreach.Content.Text;

namespace Outreach.Content.Dvhc;

/// <summary>
/// Which province of the 2025 data a unit of level <c>tinh</c> stands for, from what the tree knows of it: its name
/// ("Hội LHPN tỉnh Quảng Trị" names exactly one province), else its code (a province's code "44" or its name as a slug,
/// "quang-tri"), else its admin code (set when a province was seeded under it). Null when none of them names one province.
/// The name comes first: it is what staff read and set, while an admin code may have been written by an earlier seeding.
/// </summary>
public static class UnitProvince
{
    public static DvhcProvince? Of(DvhcData data, string name, string? code, string? adminCode)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Named(data, name)
            ?? (code is null ? null : data.Province(code.Trim()) ?? Named(data, code.Replace('-', ' ').Replace('_', ' ').Replace('.', ' ')))
            ?? (adminCode is null ? null : data.Province(adminCode));
    }

    // The one province whose folded name appears as whole words in the text ("hoi lhpn tinh quang tri" → Quảng Trị).
    private static DvhcProvince? Named(DvhcData data, string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        var matches = data.Provinces.Where(p => folded.Contains(" " + VietnameseText.Fold(p.Name) + " ", StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
