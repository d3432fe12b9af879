namespace Outreach.Bot.Core;

/// <summary>Media or a card. <see cref="ContentType"/> is "image", "file", "audio", "video", "sticker", "location", "link" or "card".</summary>
public sealed record Attachment(string ContentType, string? Url = null, string? Name = null)
{
    /// <summary>For a card: its title and its buttons (Messenger button template).</summary>
    public string? Title { get; init; }

    public IReadOnlyList<CardAction> Buttons { get; init; } = [];
}
