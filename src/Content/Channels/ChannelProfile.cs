namespace Outreach.Content.Channels;

/// <summary>
/// What the rest of Outreach knows of a channel without knowing its platform: the name it is stored under, the name staff
/// read, and the platform's rules for broadcasts (its messaging window, its quota, its delivery hours), which the audience
/// SQL receives as parameters and quiet hours read, never as channel names written into the code. Each channel's folder in
/// the host builds its profile; <see cref="ChannelCatalog"/> holds them all.
/// </summary>
public sealed record ChannelProfile(string Name, string DisplayName)
{
    /// <summary>A channel for trying the bot (the local web chat): the staff API accepts it, the post form does not offer it.</summary>
    public bool IsForTrying { get; init; }

    /// <summary>Broadcast sends per second when <c>Outreach:Broadcasts:RatePerSecond:&lt;name&gt;</c> does not say otherwise.</summary>
    public double BroadcastsPerSecond { get; init; } = 10;

    /// <summary>The platform's messaging window after a member's last interaction (null: none).</summary>
    public MessagingWindow? Window { get; init; }

    /// <summary>How many broadcasts a member may receive on this channel (null: no limit).</summary>
    public BroadcastQuota? Quota { get; init; }

    /// <summary>When a staff member's own reply may still go, after the member last wrote (null: within <see cref="Window"/>'s 7 days default).</summary>
    public StaffReplyWindow? StaffReplies { get; init; }

    /// <summary>The local hours (Asia/Ho_Chi_Minh) in which the platform delivers broadcasts at all (null: any time).</summary>
    public DeliveryHours? Hours { get; init; }
}

/// <summary>A member who last interacted longer ago than <see cref="Length"/> cannot be sent a broadcast; she is skipped with <see cref="Reason"/>.</summary>
/// <param name="Description">The reason as staff read it.</param>
public sealed record MessagingWindow(TimeSpan Length, string Reason, string Description);

/// <summary>At most <see cref="PerDay"/> broadcasts a day and <see cref="Per30Days"/> in 30 days per member; beyond, skipped with <see cref="Reason"/>.</summary>
/// <param name="Description">The reason as staff read it.</param>
public sealed record BroadcastQuota(int PerDay, int Per30Days, string Reason, string Description);

/// <summary>[<see cref="From"/>, <see cref="Until"/>) in local time; wraps past midnight when Until ≤ From.</summary>
public sealed record DeliveryHours(TimeOnly From, TimeOnly Until);

/// <summary>
/// A staff reply within <see cref="Free"/> of her last message is an ordinary reply; up to <see cref="Tagged"/> it needs the
/// platform's human-agent tag (null: the app may not use it); later it is refused with <see cref="Refusal"/> (as staff read it).
/// </summary>
public sealed record StaffReplyWindow(TimeSpan Free, TimeSpan? Tagged, string Refusal);
