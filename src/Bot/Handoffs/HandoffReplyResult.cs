namespace Outreach.Bot.Handoffs;

/// <summary>How a staff reply went.</summary>
public enum HandoffReplyResult
{
    Sent = 0,

    /// <summary>The handoff is not active or another staff member holds it.</summary>
    NotHeldByYou = 1,

    /// <summary>She last wrote more than 7 days ago: the platforms no longer allow a reply.</summary>
    OutsideWindow = 2,

    /// <summary>Empty or longer than 2,000 characters.</summary>
    InvalidText = 3,

    /// <summary>No adapter for her channel in this gateway.</summary>
    NoChannel = 4,

    /// <summary>No such handoff in the staff member's scope (another unit's member, or a wrong id).</summary>
    NotFound = 5,
}
