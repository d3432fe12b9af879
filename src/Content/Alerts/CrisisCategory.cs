namespace Outreach.Content.Alerts;

/// <summary>
/// What a crisis message signals, most urgent first: the reply's first line is the most urgent category's, and the others
/// add their number after it (DOMAIN.md §1.6). Each kind has its own first number.
/// </summary>
public enum CrisisCategory
{
    /// <summary>Injured by someone (bleeding, broken bones, knocked out): 115 and 113.</summary>
    Injury = 0,

    /// <summary>Took or swallowed poison, pesticide, a chemical or too many pills: 115; stay with her, remove the means.</summary>
    Poisoning = 1,

    /// <summary>Wants to die or to harm herself (or someone else does): 115 / 113, stay with her, remove the means.</summary>
    SelfHarm = 2,

    /// <summary>A medical emergency without violence (collapse, stroke signs, heavy bleeding after childbirth): 115.</summary>
    Medical = 3,

    /// <summary>A fire now: 114.</summary>
    Fire = 4,

    /// <summary>Flood, landslide, storm with people in danger now: 112 (and 114).</summary>
    Disaster = 5,

    /// <summary>Danger from a person now: being hit now, a weapon, a threat to kill or burn, locked in, a cry for help: 113.</summary>
    Danger = 6,

    /// <summary>Trafficking or forced labour: 113 (111 for a child).</summary>
    Trafficking = 7,

    /// <summary>A child is abused, hit, neglected or abandoned: 111 (and 113 if it is happening now).</summary>
    Child = 8,

    /// <summary>Sexual violence against an adult: 113, 1900 969 680.</summary>
    Sexual = 9,

    /// <summary>Domestic violence not said to be happening now: 1900 969 680 and the commune union; 113 if in danger.</summary>
    Abuse = 10,
}

/// <summary>Category names as written in crisis.yaml, and the names staff alerts store.</summary>
public static class CrisisCategoryNames
{
    public static string ToName(this CrisisCategory category) => category switch
    {
        CrisisCategory.Injury => "injury",
        CrisisCategory.Poisoning => "poisoning",
        CrisisCategory.SelfHarm => "self_harm",
        CrisisCategory.Medical => "medical",
        CrisisCategory.Fire => "fire",
        CrisisCategory.Disaster => "disaster",
        CrisisCategory.Danger => "danger",
        CrisisCategory.Child => "child",
        CrisisCategory.Trafficking => "trafficking",
        CrisisCategory.Sexual => "sexual",
        _ => "abuse",
    };

    /// <summary>
    /// The category a staff alert records (crisis_alerts.category and the console know these seven): a poisoning or a medical
    /// emergency is recorded as "injury" (someone needs 115), a fire or a disaster as "danger".
    /// </summary>
    public static string ToAlertName(this CrisisCategory category) => category switch
    {
        CrisisCategory.Poisoning or CrisisCategory.Medical => "injury",
        CrisisCategory.Fire or CrisisCategory.Disaster => "danger",
        _ => category.ToName(),
    };

    public static bool TryParse(string? name, out CrisisCategory category)
    {
        foreach (var value in Enum.GetValues<CrisisCategory>())
        {
            if (value.ToName() == name)
            {
                category = value;
                return true;
            }
        }

        category = default;
        return false;
    }
}
