namespace Outreach.Bot.Channels;

/// <summary>The messages a member receives on one channel, in order, and how the text measures against that channel's limit.</summary>
public sealed record ChannelPreview(string Channel, IReadOnlyList<PreviewBubble> Bubbles, int Characters, int Limit)
{
    /// <summary>True when the text is longer than one message holds, so the member gets it in several.</summary>
    public bool IsSplit => Bubbles.Count > 1;
}

/// <summary>One message: its text, the buttons under it and the quick replies offered with it.</summary>
public sealed record PreviewBubble(string Text, IReadOnlyList<string> Buttons, IReadOnlyList<string> QuickReplies);
