using Outreach.Content.Alerts;

namespace Outreach.Content.ContentPacks;

public static partial class ContentPackReader
{
    private const string CrisisFile = "crisis.yaml";

    /// <summary>The learned second opinion's gates: beside the crisis files, but not one of them (not merged).</summary>
    public const string GatesFile = "crisis-gates.yaml";

    /// <summary>
    /// crisis.yaml with every crisis-*.yaml beside it (crisis-selfharm.yaml, crisis-medical.yaml…), in name order: a group
    /// of the same name gets the other file's words (a word already there once), a new group is added, and rules, frames,
    /// ambiguous syllables, negations and leads are appended. Replies, options and the other reply lines stay in crisis.yaml.
    /// Each further file is checked as crisis.yaml is (a rule or a frame naming a group no file has is refused), and the
    /// error names that file.
    /// </summary>
    private static CrisisYaml ReadCrisis(SortedDictionary<string, string> files)
    {
        var merged = Parse<CrisisYaml>(files, CrisisFile);
        var parts = files.Keys
            .Where(p => p.StartsWith("crisis-", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal) && !p.Contains('/', StringComparison.Ordinal)
                && p != GatesFile)
            .Select(p => (Path: p, Part: Parse<CrisisYaml>(files, p)))
            .ToList();
        if (parts.Count == 0)
        {
            return merged;
        }

        merged.Groups ??= [];
        foreach (var (path, part) in parts)
        {
            if (part.Replies is not null || part.Also is not null || part.Safety is not null || part.Options is not null || part.English is not null
                || part.Nearby is not null || part.EnglishReplies is not null || part.OptionsFor is not null)
            {
                throw new ContentPackException($"Tệp {path}: chỉ được có groups, rules, frames, ambiguous, negations, leads; câu trả lời để trong {CrisisFile}.");
            }

            foreach (var (name, words) in part.Groups ?? [])
            {
                if (merged.Groups.TryGetValue(name, out var existing))
                {
                    existing.AddRange((words ?? []).Where(w => !existing.Contains(w, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
                }
                else
                {
                    merged.Groups[name] = (words ?? []).Distinct(StringComparer.Ordinal).ToList();
                }
            }
        }

        // Checked against the groups of every file, so a file may name a group another one holds.
        var groups = merged.Groups.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
        foreach (var (path, part) in parts)
        {
            foreach (var rule in part.Rules ?? [])
            {
                PackValidation.ToCrisisRule(rule, groups, path);
                (merged.Rules ??= []).Add(rule);
            }

            foreach (var (group, frame) in part.Frames ?? [])
            {
                PackValidation.ToCrisisFrame(group, frame, groups, path);
                merged.Frames ??= [];
                if (merged.Frames.TryGetValue(group, out var existing))
                {
                    existing.Before = Union(existing.Before, frame.Before);
                    existing.After = Union(existing.After, frame.After);
                }
                else
                {
                    merged.Frames[group] = frame;
                }
            }

            foreach (var lead in part.Leads ?? [])
            {
                PackValidation.ToCrisisLead(lead, groups, path);
                (merged.Leads ??= []).Add(lead);
            }

            merged.Ambiguous = Union(merged.Ambiguous, part.Ambiguous);
            merged.Negations = Union(merged.Negations, part.Negations);
        }

        return merged;
    }

    /// <summary>
    /// The gates of crisis-gates.yaml (none when the pack has no such file), each checked against the groups of the merged
    /// crisis files: a gate naming a group no file has is refused, naming the file.
    /// </summary>
    private static List<CrisisGate> ReadGates(
        SortedDictionary<string, string> files, IReadOnlyDictionary<string, IReadOnlyList<string>> groups, string name = GatesFile) =>
        files.ContainsKey(GatesFile)
            ? (Parse<CrisisGatesYaml>(files, GatesFile, name).Gates ?? []).Select(g => PackValidation.ToCrisisGate(g, groups, name)).ToList()
            : [];

    /// <summary>
    /// The gates of a file in crisis-gates.yaml's shape (<c>crisis-eval --try-gates</c>), checked against
    /// <paramref name="groups"/>; a problem is a <see cref="ContentPackException"/> naming <paramref name="name"/>.
    /// </summary>
    public static IReadOnlyList<CrisisGate> ReadGates(string yaml, IReadOnlyDictionary<string, IReadOnlyList<string>> groups, string name)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return ReadGates(new SortedDictionary<string, string>(StringComparer.Ordinal) { [GatesFile] = yaml }, groups, name);
    }

    private static List<string>? Union(List<string>? first, List<string>? second) =>
        second is not { Count: > 0 } ? first : [.. (first ?? []).Concat(second).Distinct(StringComparer.Ordinal)];
}
