using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Channels.Accounts;

/// <summary><c>Outreach:ChannelAccounts</c>: how long a host keeps the accounts it read (another host's change shows after this).</summary>
public sealed class ChannelAccountOptions
{
    public const string Section = "Outreach:ChannelAccounts";

    /// <summary>Seconds the accounts are kept in memory (default 30); a change made on this host is seen at once.</summary>
    [Range(1, 3600)]
    public int CacheSeconds { get; set; } = 30;

    /// <summary>A Page or OA id not among them makes a new read at most this often, in seconds (default 5).</summary>
    [Range(0, 3600)]
    public int UnknownRereadSeconds { get; set; } = 5;
}
