using System.Text.RegularExpressions;

namespace Outreach.Content.UnitTree;

/// <summary>What a unit's name and code may be, and the level rule, as pure checks (the Vietnamese error, or null when fine).</summary>
public static partial class UnitRules
{
    /// <summary>Longest unit name (after trimming).</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest unit code.</summary>
    public const int MaxCodeLength = 40;

    /// <summary>The name as stored: trimmed, inner runs of spaces made one.</summary>
    public static string CleanName(string? name) => SpaceRuns().Replace(name?.Trim() ?? "", " ");

    public static string? NameError(string? name)
    {
        var clean = CleanName(name);
        if (clean.Length == 0)
        {
            return UnitTreeMessages.NameMissing;
        }

        if (clean.Length > MaxNameLength)
        {
            return UnitTreeMessages.NameTooLong(clean.Length);
        }

        return clean.Any(char.IsControl) ? UnitTreeMessages.NameHasControlCharacters
            : clean[0] is '=' or '+' or '-' or '@' ? UnitTreeMessages.NameLooksLikeFormula
            : null;
    }

    /// <summary>
    /// Codes go into links (<c>m.me/…?ref=CODE</c>) and spreadsheets: ASCII letters, digits, '.', '-', '_', starting with a letter
    /// or digit. '#' is reserved for a unit without a code in an exported sheet (<c>#id</c>).
    /// </summary>
    public static string? CodeError(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length <= MaxCodeLength && CodePattern().IsMatch(code) ? null : UnitTreeMessages.CodeInvalid(code);
    }

    /// <summary>Null when a unit of <paramref name="level"/> may sit under one of <paramref name="parent"/>.</summary>
    public static string? LevelError(UnitLevel level, UnitLevel parent)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(parent);
        return level.Rank > parent.Rank ? null : UnitTreeMessages.LevelUnderLevel(level, parent);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"[ \u00A0]{2,}")]
    private static partial Regex SpaceRuns();
}
