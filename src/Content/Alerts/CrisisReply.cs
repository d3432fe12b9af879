using System.Text;

namespace Outreach.Content.Alerts;

/// <summary>
/// The reply to a crisis message (DOMAIN.md §1.6): the most urgent category's number first, the other categories' numbers
/// on the same first line ("113 … then 111"), one safety line, then where to find help. Never a menu, a fallback or a
/// question before the number. A message in English gets its first line in English, then the Vietnamese lines.
/// </summary>
public static class CrisisReply
{
    public static string Compose(CrisisRules rules, CrisisAssessment assessment, IReadOnlyList<ContentPacks.CommunityAddress>? nearby = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(assessment);
        if (!assessment.IsCrisis)
        {
            throw new ArgumentException("Not a crisis.", nameof(assessment));
        }

        var primary = assessment.Primary;
        var first = new StringBuilder(rules.Replies[primary]);
        foreach (var category in assessment.Categories.Skip(1))
        {
            // Another category's number, unless the line already gives it.
            if (rules.Also.TryGetValue(category, out var also) && !ContainsNumberOf(first.ToString(), also))
            {
                first.Append(' ').Append(also);
            }
        }

        var text = new StringBuilder();
        if (assessment.LooksEnglish)
        {
            if (rules.EnglishReplies?.GetValueOrDefault(primary) is { Length: > 0 } english)
            {
                text.Append(english).Append('\n').Append(first);
            }
            else
            {
                text.Append(first);
                if (rules.English.Length > 0)
                {
                    text.Append('\n').Append(rules.English);
                }
            }
        }
        else
        {
            text.Append(first);
        }

        var name = primary.ToName();
        var safety = rules.Safety.GetValueOrDefault(name) ?? rules.Safety.GetValueOrDefault("default");
        if (safety is not null)
        {
            text.Append('\n').Append(safety);
        }

        var options = rules.OptionsFor?.GetValueOrDefault(name) ?? rules.Options;
        text.Append('\n').Append(options);
        if (nearby is { Count: > 0 } && rules.Nearby.Length > 0 && IsAboutAPerson(assessment))
        {
            var addresses = string.Join("; ", nearby.Select(a =>
                string.Join(", ", new[] { a.Name, a.Address, a.Phone }.Where(part => !string.IsNullOrWhiteSpace(part)))));
            text.Append('\n').Append(rules.Nearby.Replace("{addresses}", addresses, StringComparison.Ordinal));
        }

        return text.ToString();
    }

    // Trusted community addresses help with violence, abuse and trafficking, not with a fire or a flood.
    private static bool IsAboutAPerson(CrisisAssessment assessment) => assessment.Categories.Any(c =>
        c is CrisisCategory.Danger or CrisisCategory.Abuse or CrisisCategory.Sexual or CrisisCategory.Child or CrisisCategory.Trafficking
            or CrisisCategory.Injury);

    private static bool ContainsNumberOf(string text, string line)
    {
        var number = new string(line.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return number.Length > 0 && text.Contains(number, StringComparison.Ordinal);
    }
}
