using System.Text.Json;
using Outreach.Content.ContentPacks;
using Outreach.Content.Text;

namespace Outreach.Bot.Answers;

/// <summary>
/// The buttons of a menu the bot showed, kept as a dialog's data (JSON), and which one a typed message names: its label folded
/// (no diacritics, case or punctuation, VietnameseText.Fold), one wrong, missing, extra or swapped letter tolerated (two in a
/// label of more than ten letters), never when two labels are as close.
/// </summary>
public static class MenuLabels
{
    public static string ToData(IReadOnlyList<MenuItem> choices) =>
        JsonSerializer.Serialize((choices ?? throw new ArgumentNullException(nameof(choices))).Select(c => new Choice(c.Title, c.Payload)));

    /// <summary>The payload of the choice <paramref name="text"/> names, or null.</summary>
    public static string? Match(string data, string? text)
    {
        var typed = VietnameseText.Fold(text);
        if (typed.Length == 0 || string.IsNullOrEmpty(data))
        {
            return null;
        }

        var choices = JsonSerializer.Deserialize<List<Choice>>(data) ?? [];
        var scored = choices
            .Select(c => (c.Payload, Label: VietnameseText.Fold(c.Title)))
            .Where(c => c.Label.Length > 0)
            .Select(c => (c.Payload, c.Label, Distance: Distance(typed, c.Label)))
            .OrderBy(c => c.Distance)
            .ToList();
        if (scored.Count == 0)
        {
            return null;
        }

        var best = scored[0];
        var allowed = best.Label.Length <= 4 ? 0 : best.Label.Length <= 10 ? 1 : 2;
        var tied = scored.Count > 1 && scored[1].Distance == best.Distance;
        return best.Distance <= allowed && !tied ? best.Payload : null;
    }

    // Optimal string alignment distance: a wrong, missing or extra letter, or two neighbouring letters swapped, each cost 1.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private sealed record Choice(string Title, string Payload);
}
