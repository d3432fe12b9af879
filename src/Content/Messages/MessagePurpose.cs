namespace Outreach.Content.Messages;

/// <summary>Why a message is sent: decides what the platforms allow (Messenger's HUMAN_AGENT tag, Zalo's windows).</summary>
public enum MessagePurpose
{
    /// <summary>The bot answering within the platform's standard window.</summary>
    Reply = 0,

    /// <summary>A staff member's own words (handoff): Messenger allows the HUMAN_AGENT tag up to 7 days after the member wrote.</summary>
    HumanAgentReply = 1,

    /// <summary>A broadcast post.</summary>
    Broadcast = 2,

    /// <summary>A staff member's own words inside the platform's ordinary window: an ordinary response, no tag.</summary>
    StaffReply = 3,
}

/// <summary>How a <see cref="MessagePurpose"/> is stored (outbound_messages.purpose).</summary>
public static class MessagePurposes
{
    public static string Name(MessagePurpose purpose) => purpose switch
    {
        MessagePurpose.HumanAgentReply => "human_agent_reply",
        MessagePurpose.Broadcast => "broadcast",
        MessagePurpose.StaffReply => "staff_reply",
        _ => "reply",
    };
}
