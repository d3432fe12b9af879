namespace Outreach.Content.Targets;

/// <summary>
/// Progress against a target, written the way the union's reports write it: "đạt 279% so với chỉ tiêu (2.927/1.050)".
/// The reports use two styles, both reproduced from the seed documents (DOMAIN.md §3.2): whole percents, rounded
/// (2.927/1.050 → 279%, 8/3 → 267%), and two decimals, cut rather than rounded (181.620/326.797 → 55,57%, 576/650 → 88,61%).
/// Either way a target not yet reached never shows as 100%: 99,6% written whole is "99%", not "100%".
/// </summary>
public static class ProgressText
{
    /// <summary>achieved ÷ target × 100, unrounded.</summary>
    public static decimal Ratio(decimal achieved, decimal target)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(target);
        return achieved / target * 100m;
    }

    /// <summary>The percent as written: "279%", "55,57%" (<paramref name="decimals"/> is 0 or 2).</summary>
    public static string Percent(decimal achieved, decimal target, int decimals) =>
        Shown(achieved, target, decimals).ToString(decimals == 0 ? "0" : "0.00", VietnameseFormat.Culture) + "%";

    /// <summary>The percent the reports write, as a number: 279 or 55.57 (cut, never 100 for a target not reached).</summary>
    public static decimal Shown(decimal achieved, decimal target, int decimals)
    {
        if (decimals is not (0 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "The reports write percents whole or with two decimals.");
        }

        var ratio = Ratio(achieved, target);
        var shown = decimals == 0 ? Math.Round(ratio, 0, MidpointRounding.AwayFromZero) : Math.Truncate(ratio * 100m) / 100m;
        if (achieved < target && shown >= 100m)
        {
            shown = decimals == 0 ? 99m : 99.99m;
        }

        return shown;
    }

    /// <summary>"đạt 279% so với chỉ tiêu (2.927/1.050)".</summary>
    public static string Sentence(decimal achieved, decimal target, int decimals) =>
        $"đạt {Percent(achieved, target, decimals)} so với chỉ tiêu ({VietnameseFormat.Number(achieved)}/{VietnameseFormat.Number(target)})";

    /// <summary>The year-end verdict: "đạt và vượt 9/9 chỉ tiêu", or "chưa đạt chỉ tiêu nào (0/3)" when none is met.</summary>
    public static string Verdict(int met, int total) =>
        met == 0 && total > 0 ? $"chưa đạt chỉ tiêu nào (0/{total})" : $"đạt và vượt {met}/{total} chỉ tiêu";
}
