namespace Outreach.Content.Alerts;

/// <summary>
/// The crisis cues and reply lines of crisis.yaml (see the file for how rules fire). Fields added after the first version
/// may be null in a pack stored by an older build; the detector and the reply treat null as empty.
/// </summary>
public sealed record CrisisRules(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Groups,
    IReadOnlyList<CrisisRule> Rules,
    IReadOnlyList<string> Negations,
    IReadOnlyDictionary<CrisisCategory, string> Replies,
    IReadOnlyDictionary<CrisisCategory, string> Also,
    IReadOnlyDictionary<string, string> Safety,
    string Options,
    string English,
    string Nearby)
{
    /// <summary>Accent-folded syllables that are also everyday words ("da": đá, đã, dạ, da): see <see cref="Frames"/>.</summary>
    public IReadOnlyList<string>? Ambiguous { get; init; }

    /// <summary>
    /// The context a cue of a group needs when it was typed without accents and every syllable of it is ambiguous: "da"
    /// counts as "đá" (kick) only with a person or "đang" before it and a person, a body part or the end of the clause after it.
    /// </summary>
    public IReadOnlyDictionary<string, CrisisFrame>? Frames { get; init; }

    /// <summary>The first line for a message written in English, per category (else <see cref="English"/> after the first line).</summary>
    public IReadOnlyDictionary<CrisisCategory, string>? EnglishReplies { get; init; }

    /// <summary>Where to find help afterwards, per category name; <see cref="Options"/> for the others.</summary>
    public IReadOnlyDictionary<string, string>? OptionsFor { get; init; }

    /// <summary>
    /// Which number leads when two kinds fire together against their usual order (crisis.yaml <c>leads</c>): a child
    /// trafficked, or a child tied up by a carer, gets 111 first, not 113. Null or empty: the order of <see cref="CrisisCategory"/>.
    /// </summary>
    public IReadOnlyList<CrisisLead>? Leads { get; init; }

    /// <summary>
    /// The learned second opinion's gates (crisis-gates.yaml): a lower threshold for one first number when the rules saw one
    /// of its groups' cues (<see cref="CrisisPolicy.Of"/>). Null or empty: the classifier's threshold for every number.
    /// </summary>
    public IReadOnlyList<CrisisGate>? Gates { get; init; }
}

/// <summary>
/// Fires <see cref="Category"/> when every group in <see cref="All"/> has a cue in the message and no group in
/// <see cref="None"/> has one ("nhà bị cháy năm ngoái" asks about help after a fire; it is not a fire now).
/// </summary>
public sealed record CrisisRule(CrisisCategory Category, IReadOnlyList<string> All)
{
    public IReadOnlyList<string>? None { get; init; }

    /// <summary>
    /// Where the cues of <see cref="All"/> must stand together: "clause" (between two punctuation marks) or "sentence"
    /// (between '.', '!', '?', '…' or new lines); null: anywhere in the message. A child word and a sign of harm in the same
    /// sentence are about that child; a child in one sentence and a locked door in another are often not.
    /// The groups of <see cref="None"/> still speak for the whole message.
    /// </summary>
    public string? Within { get; init; }

    /// <summary>The values <see cref="Within"/> may take.</summary>
    public static readonly IReadOnlyList<string> WithinValues = ["clause", "sentence"];
}

/// <summary>
/// Puts <see cref="First"/> ahead of the categories of <see cref="Over"/> when it fires with one of them and no group in
/// <see cref="None"/> has a cue ("now": a person hurting the child right now keeps 113 first).
/// </summary>
public sealed record CrisisLead(CrisisCategory First, IReadOnlyList<CrisisCategory> Over)
{
    public IReadOnlyList<string>? None { get; init; }
}

/// <summary>
/// Groups one of which must have a cue within a few syllables before (<see cref="Before"/>) and, when listed, after
/// (<see cref="After"/>; "end" is the end of the clause) an ambiguous unaccented cue.
/// </summary>
public sealed record CrisisFrame(IReadOnlyList<string> Before, IReadOnlyList<string> After);
