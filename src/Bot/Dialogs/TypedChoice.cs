namespace Outreach.Bot.Dialogs;

/// <summary>
/// The payload of a button she typed the label of instead of tapping it (Pipeline/MenuChoiceMiddleware), kept in the turn's
/// state: the rest of the turn reads it as the tap (Answers/Replies.PayloadOf).
/// </summary>
public sealed record TypedChoice(string Payload);
