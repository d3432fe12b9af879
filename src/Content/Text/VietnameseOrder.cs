using System.Globalization;

namespace Outreach.Content.Text;

/// <summary>
/// Vietnamese alphabetical order (ICU's vi-VN) for every list a person reads: "Dân số" before "Đào tạo", "Hòa" before
/// "Hoàn", accents after their bare letter — not PostgreSQL's byte order, which puts every "Đ…" after "Z".
/// </summary>
public static class VietnameseOrder
{
    /// <summary>Compares names as a Vietnamese reader expects.</summary>
    public static StringComparer Names { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.None);
}
