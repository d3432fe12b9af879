namespace Outreach.Bot.Staff.Notices;

/// <summary>How often an open console page asks whether something new happened (Outreach:Staff:Live).</summary>
public sealed class LiveNoticeOptions
{
    public const string Section = "Outreach:Staff:Live";

    /// <summary>Seconds between two questions of one open page (a small JSON answer, three indexed counts).</summary>
    public int PollSeconds { get; set; } = 10;
}
