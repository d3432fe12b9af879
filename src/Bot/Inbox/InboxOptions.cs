using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Inbox;

/// <summary>The turn runner and the reply dispatcher (section <c>Outreach:Inbox</c>).</summary>
public sealed class InboxOptions
{
    public const string Section = "Outreach:Inbox";

    /// <summary>Process inbox events and send replies in this process (default true). Tests turn it off to simulate a crash after the ack.</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>Turns run at once (default 4). Events of one member always run one after another, in order.</summary>
    [Range(1, 64)]
    public int TurnWorkers { get; set; } = 4;

    /// <summary>Replies sent at once (default 4), one member at a time each.</summary>
    [Range(1, 64)]
    public int SendWorkers { get; set; } = 4;

    /// <summary>Attempts at a turn before it is marked failed (default 5; backoff 1 s, 2 s, 4 s…).</summary>
    [Range(1, 20)]
    public int MaxTurnAttempts { get; set; } = 5;

    /// <summary>Attempts at sending one reply before it is marked failed (default 6).</summary>
    [Range(1, 20)]
    public int MaxSendAttempts { get; set; } = 6;

    /// <summary>
    /// How long a reply may stay "sending" before another worker sends it again, in seconds (default 120): after a host dies
    /// mid-send its replies wait this long. Keep it above the longest single send (the channel's timeout × its connection
    /// retries, plus a rate limiter's wait), or a slow send is sent twice.
    /// </summary>
    [Range(10, 3600)]
    public int SendLeaseSeconds { get; set; } = 120;

    public TimeSpan SendLease => TimeSpan.FromSeconds(SendLeaseSeconds);

    /// <summary>Fallback poll for work stored by other processes, in milliseconds (default 1000).</summary>
    [Range(20, 60_000)]
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>A turn that takes longer is cancelled and retried, in seconds (default 30).</summary>
    [Range(1, 600)]
    public int TurnTimeoutSeconds { get; set; } = 30;
}
