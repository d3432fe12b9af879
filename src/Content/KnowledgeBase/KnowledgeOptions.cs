using System.ComponentModel.DataAnnotations;

namespace Outreach.Content.KnowledgeBase;

/// <summary>Where the content pack comes from and how often it is reloaded (section <c>Outreach:Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Outreach:Knowledge";

    /// <summary>The pack folder (default: the pack shipped with the build, ContentPacks/pack next to the binaries).</summary>
    public string PackDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "ContentPacks", "pack");

    /// <summary>How often the files and the database are checked for a new pack, in seconds (default 30).</summary>
    [Range(1, 86_400)]
    public int ReloadIntervalSeconds { get; set; } = 30;

    /// <summary>Import the pack files into the database (default true). A host that only reads the database sets false.</summary>
    public bool ImportFiles { get; set; } = true;

    /// <summary>The province (org-unit code) whose entries a member gets when her contact has no org unit (default none).</summary>
    public string? DefaultProvince { get; set; }
}
