namespace Outreach.Bot.Dialogs;

/// <summary>
/// Payloads of the bot's own buttons and quick replies (entries use "ENTRY:&lt;id&gt;", AnswerPayloads): the vocabulary the
/// dialogs (in Answers/) and the pipeline's guards share. This folder depends on nothing, so both may use it.
/// </summary>
public static class DialogPayloads
{
    /// <summary>Show the topic menu.</summary>
    public const string Subscribe = "SUBSCRIBE";

    /// <summary>"SUB:&lt;topic&gt;" or "SUB:ALL".</summary>
    public const string SubscribePrefix = "SUB:";

    /// <summary>"UNSUB:&lt;topic&gt;" or "UNSUB:ALL".</summary>
    public const string UnsubscribePrefix = "UNSUB:";

    public const string All = "ALL";

    public const string UnsubscribeAll = UnsubscribePrefix + All;

    public const string Handoff = "HANDOFF";

    public const string GetStarted = "GET_STARTED";

    /// <summary>"PLACE:&lt;unit id&gt;": she chose her xã/phường (the dialog may go on to ask her chi hội).</summary>
    public const string PlacePrefix = "PLACE:";

    /// <summary>"PLACE_AT:&lt;unit id&gt;": she chose this unit, the last step (a chi hội, a join code's unit, "chưa rõ chi hội").</summary>
    public const string PlaceAtPrefix = "PLACE_AT:";

    /// <summary>She skips registration (she then belongs to the unit of the Page/OA she wrote to).</summary>
    public const string PlaceSkip = "PLACE_SKIP";

    /// <summary>None of the offered places: ask her again.</summary>
    public const string PlaceRetry = "PLACE_RETRY";
}
