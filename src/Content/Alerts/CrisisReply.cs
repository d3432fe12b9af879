using System.Text;

namespace Outreach.Content.Alerts;

/// <summary>
/// The reply to a crisis message (DOMAIN.md §1.6): the number first, then the other numbers that apply, one safety line,
/// then where to find help. Never a menu, a fallback or a question before the number.
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

        var text = new StringBuilder();
        var first = rules.Replies[assessment.Primary];
        text.Append(first);
        foreach (var category in assessment.Categories.Skip(1))
        {
            // Add another category's number only when the first line does not already give it.
            if (rules.Also.TryGetValue(category, out var also) && !ContainsNumberOf(text.ToString(), also))
            {
                text.Append('\n').Append(also);
            }
        }

        if (assessment.LooksEnglish && rules.English.Length > 0)
        {
            text.Append('\n').Append(rules.English);
        }

        var safety = rules.Safety.GetValueOrDefault(assessment.Primary.ToName()) ?? rules.Safety.GetValueOrDefault("default");
        if (safety is not null)
        {
            text.Append('\n').Append(safety);
        }

        text.Append('\n').Append(rules.Options);
        if (nearby is { Count: > 0 } && rules.Nearby.Length > 0)
        {
            var addresses = string.Join("; ", nearby.Select(a =>
                string.Join(", ", new[] { a.Name, a.Address, a.Phone }.Where(part => !string.IsNullOrWhiteSpace(part)))));
            text.Append('\n').Append(rules.Nearby.Replace("{addresses}", addresses, StringComparison.Ordinal));
        }

        return text.ToString();
    }

    private static bool ContainsNumberOf(string text, string line)
    {
        var number = new string(line.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return number.Length > 0 && text.Contains(number, StringComparison.Ordinal);
    }
}
