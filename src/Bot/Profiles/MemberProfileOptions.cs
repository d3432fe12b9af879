using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Profiles;

/// <summary>Looking up members' names on their platform (<c>Outreach:Profiles</c>).</summary>
public sealed class MemberProfileOptions
{
    public const string Section = "Outreach:Profiles";

    /// <summary>Look names up in this process (default true). Off: members keep "Hội viên #N" unless a name is stored.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before a member's interaction asks for her name again, after a lookup found it or was refused (default 30).</summary>
    [Range(1, 3650)]
    public int RefreshDays { get; set; } = 30;

    /// <summary>A failed lookup (network, rate limit) is retried after this many seconds, doubled each time (default 60).</summary>
    [Range(1, 86400)]
    public int RetrySeconds { get; set; } = 60;

    /// <summary>Failed lookups in a row before giving up until the next refresh (default 5).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often idle workers look for members due a lookup, in milliseconds (default 5000).</summary>
    [Range(50, 600000)]
    public int PollIntervalMs { get; set; } = 5000;

    /// <summary>Members claimed per round (default 20); the lookups of a round run one after another.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;
}
