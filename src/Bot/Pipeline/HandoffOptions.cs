using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Pipeline;

/// <summary>Handoffs to people (section <c>Outreach:Handoffs</c>).</summary>
public sealed class HandoffOptions
{
    public const string Section = "Outreach:Handoffs";

    /// <summary>
    /// After a person answers a member on the platform itself (Meta Business Suite, Zalo OA Chat) the bot stays silent for her this
    /// many minutes after that person's last message (default 60), unless the thread comes back earlier.
    /// </summary>
    [Range(1, 7 * 24 * 60)]
    public int HumanQuietMinutes { get; set; } = 60;

    public TimeSpan HumanQuiet => TimeSpan.FromMinutes(HumanQuietMinutes);
}
