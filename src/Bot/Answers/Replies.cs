using Outreach.Bot.Core;
using Outreach.Content.ContentPacks;

namespace Outreach.Bot.Answers;

/// <summary>Small helpers to send pack texts with their choices as quick replies.</summary>
public static class Replies
{
    public static Task SendAsync(ITurnContext turnContext, string text, IReadOnlyList<MenuItem> choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(text, choices.Select(c => new CardAction(c.Title, c.Payload)).ToList(), cancellationToken);
    }

    /// <summary>The payload of a tapped button or quick reply, if this activity is one.</summary>
    public static string? PayloadOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Name == ActivityNames.Postback || activity.Type == ActivityTypes.Message ? activity.Value : null;
    }

    /// <summary>
    /// The payload of this turn: a tapped button's, or the one whose label she typed while its menu was the last thing asked
    /// (<see cref="Outreach.Bot.Dialogs.TypedChoice"/>).
    /// </summary>
    public static string? PayloadOf(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<Outreach.Bot.Dialogs.TypedChoice>()?.Payload ?? PayloadOf(turnContext.Activity);
    }

    /// <summary>True when the whole message is one of <paramref name="words"/> (accents, case and punctuation ignored).</summary>
    public static bool IsOneOf(string? text, IReadOnlyList<string> words)
    {
        var folded = Outreach.Content.Text.VietnameseText.Fold(text);
        return folded.Length > 0 && words.Any(w => Outreach.Content.Text.VietnameseText.Fold(w) == folded);
    }
}
