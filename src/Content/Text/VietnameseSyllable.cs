using System.Text.RegularExpressions;

namespace Outreach.Content.Text;

/// <summary>
/// Whether an accent-folded word could be a Vietnamese syllable: an initial consonant, a vowel group, a final consonant
/// ("nghieng", "khuya", "tuoi"). "loans", "bank", "tests" cannot; "me", "no", "an" can.
/// </summary>
public static partial class VietnameseSyllable
{
    public static bool IsPossible(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return Pattern().IsMatch(folded);
    }

    [GeneratedRegex("^(b|c|ch|d|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?(a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|yeu|ieu|oai|oay|oeo|uoi|uou|uya|uye|uyu|uay|uau)(c|ch|m|n|ng|nh|p|t)?$")]
    private static partial Regex Pattern();
}
