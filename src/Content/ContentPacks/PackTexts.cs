namespace Outreach.Content.ContentPacks;

/// <summary>The sentences of texts.yaml by key, the fallback menu and the keyword lists (opt-out words…).</summary>
public sealed class PackTexts(
    IReadOnlyDictionary<string, string> lines, IReadOnlyList<MenuItem> menu, IReadOnlyDictionary<string, IReadOnlyList<string>> wordLists)
{
    /// <summary>Keys the code uses; the reader refuses a pack that lacks one.</summary>
    public static readonly IReadOnlyList<string> RequiredKeys =
    [
        "greeting", "fallback", "suggestions", "entry_not_found", "optout_done", "subscribe_menu", "subscribed", "unsubscribed",
        "topic_unknown", "subscribe_all", "unsubscribe_all", "resubscribe", "handoff_requested", "handoff_waiting",
        "handoff_released", "screening_ask_place", "screening_found", "screening_none", "screening_cancelled", "screening_offer",
        "registration_ask", "registration_skip", "registration_retry", "registration_skipped", "registration_choose",
        "registration_choose_split", "registration_not_found", "registration_other_province", "registration_gave_up", "registration_ask_branch",
        "registration_branch_unknown", "registration_done", "registration_done_form", "registration_unit_inactive",
        "registration_code_suggest", "registration_code_unknown", "registration_unavailable", "feedback_useful", "feedback_wrong",
        "feedback_thanks", "feedback_sorry",
    ];

    /// <summary>Word lists the code uses.</summary>
    public static readonly IReadOnlyList<string> RequiredWordLists = ["optout_words", "subscribe_words", "handoff_words", "dialog_cancel_words", "registration_words", "feedback_wrong_words", "feedback_useful_words"];

    public IReadOnlyDictionary<string, string> Lines { get; } = lines;

    public IReadOnlyList<MenuItem> Menu { get; } = menu;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> WordLists { get; } = wordLists;

    /// <summary>The sentence <paramref name="key"/>, with <c>{name}</c> placeholders filled from <paramref name="values"/>.</summary>
    public string Get(string key, params (string Name, string Value)[] values)
    {
        var text = Lines.TryGetValue(key, out var line) ? line : throw new KeyNotFoundException($"texts.yaml has no '{key}'.");
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    public IReadOnlyList<string> Words(string key) => WordLists.TryGetValue(key, out var words) ? words : [];
}
