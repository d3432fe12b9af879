using Outreach.Content.Text;
using Outreach.Content.UnitTree;

namespace Outreach.Content.UnitSheets;

/// <summary>A level as people write it in a sheet: its code (<c>xa</c>, <c>chi_hoi</c>), its name, or one part of it ("phường").</summary>
internal static class UnitLevels
{
    public static UnitLevel? Parse(string text, IReadOnlyList<UnitLevel> levels)
    {
        var typed = VietnameseText.Fold(text.Replace('_', ' '));
        if (typed.Length == 0)
        {
            return null;
        }

        return levels.FirstOrDefault(l => VietnameseText.Fold(l.Code.Replace('_', ' ')) == typed)
            ?? levels.FirstOrDefault(l => VietnameseText.Fold(l.NameVi) == typed)
            ?? levels.FirstOrDefault(l => l.NameVi.Split('/').Any(part => VietnameseText.Fold(part) == typed))
            ?? (typed == "to phu nu" ? levels.FirstOrDefault(l => l.Code == "to") : null);
    }
}
