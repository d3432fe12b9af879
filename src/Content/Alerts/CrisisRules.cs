namespace Outreach.Content.Alerts;

/// <summary>The crisis cues and reply lines of crisis.yaml (see the file for how rules fire).</summary>
public sealed record CrisisRules(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Groups,
    IReadOnlyList<CrisisRule> Rules,
    IReadOnlyList<string> Negations,
    IReadOnlyDictionary<CrisisCategory, string> Replies,
    IReadOnlyDictionary<CrisisCategory, string> Also,
    IReadOnlyDictionary<string, string> Safety,
    string Options,
    string English,
    string Nearby);

/// <summary>Fires <see cref="Category"/> when every group in <see cref="All"/> has a cue in the message.</summary>
public sealed record CrisisRule(CrisisCategory Category, IReadOnlyList<string> All);
