namespace Outreach.Bot.Core;

/// <summary>A choice offered to the member: a quick reply or a button. <see cref="Value"/> is the payload (or the URL).</summary>
public sealed record CardAction(string Title, string Value, string Type = CardActionTypes.PostBack);

/// <summary>Kinds of <see cref="CardAction"/>.</summary>
public static class CardActionTypes
{
    /// <summary>Sends <see cref="CardAction.Value"/> back as a payload.</summary>
    public const string PostBack = "postBack";

    /// <summary>Opens <see cref="CardAction.Value"/> as a URL.</summary>
    public const string OpenUrl = "openUrl";

    /// <summary>Calls the phone number in <see cref="CardAction.Value"/>.</summary>
    public const string Call = "call";
}
