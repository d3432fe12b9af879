namespace Outreach.Content.Channels;

/// <summary>
/// What the rest of Outreach knows of a channel without knowing its platform: the name it is stored under, the name staff
/// read, and the platform's rules for broadcasts, which the audience SQL receives as parameters (never as channel names
/// written into the SQL). Each channel's folder in the host builds its profile; <see cref="ChannelCatalog"/> holds them all.
/// </summary>
public sealed record ChannelProfile(string Name, string DisplayName)
{
    /// <summary>A channel for trying the bot (the local web chat): the staff API accepts it, the post form does not offer it.</summary>
    public bool IsForTrying { get; init; }

    /// <summary>Broadcast sends per second when <c>Outreach:Broadcasts:RatePerSecond:&lt;name&gt;</c> does not say otherwise.</summary>
    public double BroadcastsPerSecond { get; init; } = 10;
}
