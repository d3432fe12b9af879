namespace Outreach.Content.ContentPacks;

// The shapes of the pack files as YamlDotNet reads them (snake_case keys). Unknown keys are errors, so a typo is caught.
#pragma warning disable CA1812 // Instantiated by YamlDotNet.
#pragma warning disable CA2227, CA1002 // Settable lists are what the deserializer fills.
internal sealed class EntryYaml
{
    public string? Id { get; set; }
    public string? Topic { get; set; }
    public string? Title { get; set; }
    public List<string>? Questions { get; set; }
    public List<string>? Keywords { get; set; }
    public string? Answer { get; set; }
    public string? AnswerEn { get; set; }
    public string? Source { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidUntil { get; set; }
    public string? Action { get; set; }
    public List<QuickReplyYaml>? QuickReplies { get; set; }
}

internal sealed class QuickReplyYaml
{
    public string? Title { get; set; }
    public string? Entry { get; set; }
}

internal sealed class HotlineYaml
{
    public string? Number { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Hours { get; set; }
}

internal sealed class AddressYaml
{
    public string? Name { get; set; }
    public string? Commune { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? OrgUnit { get; set; }
}

internal sealed class ScreeningYaml
{
    public string? Date { get; set; }
    public string? EndDate { get; set; }
    public string? Place { get; set; }
    public string? Commune { get; set; }
    public string? OrgUnit { get; set; }
    public string? Who { get; set; }
    public string? Note { get; set; }
}

internal sealed class CrisisYaml
{
    public Dictionary<string, List<string>>? Groups { get; set; }
    public List<CrisisRuleYaml>? Rules { get; set; }
    public List<string>? Negations { get; set; }
    public Dictionary<string, string>? Replies { get; set; }
    public Dictionary<string, string>? Also { get; set; }
    public Dictionary<string, string>? Safety { get; set; }
    public string? Options { get; set; }
    public string? English { get; set; }
    public string? Nearby { get; set; }
    public List<string>? Ambiguous { get; set; }
    public Dictionary<string, CrisisFrameYaml>? Frames { get; set; }
    public Dictionary<string, string>? EnglishReplies { get; set; }
    public Dictionary<string, string>? OptionsFor { get; set; }
    public List<CrisisLeadYaml>? Leads { get; set; }
}

internal sealed class CrisisLeadYaml
{
    public string? First { get; set; }
    public List<string>? Over { get; set; }
    public List<string>? None { get; set; }
}

internal sealed class CrisisFrameYaml
{
    public List<string>? Before { get; set; }
    public List<string>? After { get; set; }
}

internal sealed class CrisisRuleYaml
{
    public string? Category { get; set; }
    public List<string>? All { get; set; }
    public List<string>? None { get; set; }
    public string? Within { get; set; }
}

// crisis-gates.yaml: the learned second opinion's gates.
internal sealed class CrisisGatesYaml
{
    public List<CrisisGateYaml>? Gates { get; set; }
}

internal sealed class CrisisGateYaml
{
    public string? First { get; set; }
    public float? Threshold { get; set; }
    public List<string>? Groups { get; set; }
}
#pragma warning restore CA2227, CA1002
#pragma warning restore CA1812
