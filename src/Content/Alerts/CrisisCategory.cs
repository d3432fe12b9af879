namespace Outreach.Content.Alerts;

/// <summary>What a crisis message signals, most urgent first (the reply's first number follows this order, DOMAIN.md §1.6).</summary>
public enum CrisisCategory
{
    /// <summary>Injured, unconscious, took poison or pills: 115 (and 113).</summary>
    Injury = 0,

    /// <summary>Wants to die or to harm herself: 115 / 113, and keep talking.</summary>
    SelfHarm = 1,

    /// <summary>Being hit now, a weapon, a threat to kill, locked in, a cry for help: 113.</summary>
    Danger = 2,

    /// <summary>A child is abused, hit or neglected: 111 (plus 113 if it is happening now).</summary>
    Child = 3,

    /// <summary>Trafficking: 113 (111 for a child).</summary>
    Trafficking = 4,

    /// <summary>Sexual violence against an adult: 113, 1900 969 680.</summary>
    Sexual = 5,

    /// <summary>Ongoing domestic violence, not said to be happening now: 113 if in danger, 1900 969 680, the commune union.</summary>
    Abuse = 6,
}

/// <summary>Category names as written in crisis.yaml and stored in crisis_alerts.</summary>
public static class CrisisCategoryNames
{
    public static string ToName(this CrisisCategory category) => category switch
    {
        CrisisCategory.Injury => "injury",
        CrisisCategory.SelfHarm => "self_harm",
        CrisisCategory.Danger => "danger",
        CrisisCategory.Child => "child",
        CrisisCategory.Trafficking => "trafficking",
        CrisisCategory.Sexual => "sexual",
        _ => "abuse",
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
