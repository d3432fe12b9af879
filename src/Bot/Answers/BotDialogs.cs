using Outreach.Bot.Answers.Registration;
using Outreach.Bot.Core;
using Outreach.Bot.Dialogs;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Bot.Answers;

/// <summary>Routes payloads, keywords and the engine's decisions to the dialogs.</summary>
public sealed class BotDialogs(
    SubscriptionDialog subscription, ScreeningDialog screening, HandoffDialog handoff, RegistrationDialog registration, AnswerFeedback feedback)
{
    public ScreeningDialog Screening => screening;

    public RegistrationDialog Registration => registration;

    public async Task HandlePayloadAsync(ITurnContext turnContext, MemberContext member, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.StartsWith(AnswerPayloads.EntryPrefix, StringComparison.Ordinal))
        {
            var entryId = payload[AnswerPayloads.EntryPrefix.Length..];
            var decision = AnswerEngine.AnswerEntry(member.Knowledge, entryId, member.Ask(null));
            var questionId = decision.EntryId is null ? null : await feedback.TakeSuggestionAsync(member, entryId, cancellationToken);
            await SendDecisionAsync(turnContext, member, decision, questionId, cancellationToken);
        }
        else if (payload.StartsWith(AnswerFeedback.PayloadPrefix, StringComparison.Ordinal))
        {
            await feedback.HandlePayloadAsync(turnContext, member, payload, cancellationToken);
        }
        else if (payload.StartsWith(DialogPayloads.SubscribePrefix, StringComparison.Ordinal)
            || payload.StartsWith(DialogPayloads.UnsubscribePrefix, StringComparison.Ordinal))
        {
            await subscription.HandleAsync(turnContext, member, payload, cancellationToken);
        }
        else if (payload == DialogPayloads.Subscribe)
        {
            await subscription.ShowMenuAsync(turnContext, member, cancellationToken);
        }
        else if (payload.StartsWith(DialogPayloads.PlacePrefix, StringComparison.Ordinal)
            || payload.StartsWith(DialogPayloads.PlaceAtPrefix, StringComparison.Ordinal)
            || payload is DialogPayloads.PlaceSkip or DialogPayloads.PlaceRetry)
        {
            await registration.HandlePayloadAsync(turnContext, member, payload, cancellationToken);
        }
        else if (payload == DialogPayloads.Handoff)
        {
            await handoff.StartAsync(turnContext, member, cancellationToken);
        }
        else if (payload == AnswerEngine.ScreeningPayload)
        {
            await screening.StartAsync(turnContext, member, cancellationToken);
        }
        else
        {
            // An unknown payload (an old button, another app's): answer the visible title as if typed.
            await AnswerAsync(turnContext, member, turnContext.Activity.Text, cancellationToken);
        }
    }

    /// <summary>A message that is only a keyword ("đăng ký", "gặp cán bộ", "đổi xã"): its dialog starts, even in the middle of another.</summary>
    public async Task<bool> TryShortcutAsync(ITurnContext turnContext, MemberContext member, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var texts = member.Knowledge.Texts;
        if (Replies.IsOneOf(text, texts.Words("subscribe_words")))
        {
            await subscription.ShowMenuAsync(turnContext, member, cancellationToken);
            return true;
        }

        if (Replies.IsOneOf(text, texts.Words("handoff_words")))
        {
            await handoff.StartAsync(turnContext, member, cancellationToken);
            return true;
        }

        if (PlaceChoices.IsRequest(text, texts))
        {
            await registration.StartAsync(turnContext, member, cancellationToken);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Her verdict on the answer she just got, typed ("không đúng", "sai rồi"), or a typed number picking one of its choices
    /// (Zalo): true when handled here.
    /// </summary>
    public async Task<bool> TryFeedbackAsync(ITurnContext turnContext, MemberContext member, string? text, CancellationToken cancellationToken)
    {
        var picked = await feedback.TryTypedAsync(turnContext, member, text, cancellationToken);
        if (picked is null)
        {
            return false;
        }

        if (picked != AnswerFeedback.Handled)
        {
            await HandlePayloadAsync(turnContext, member, picked, cancellationToken);
        }

        return true;
    }

    /// <summary>Typed text: the answer engine's decision (recorded for the staff's queue and the answer rate).</summary>
    public async Task AnswerAsync(ITurnContext turnContext, MemberContext member, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var decision = AnswerEngine.Decide(member.Knowledge, member.Ask(text));
        var questionId = await feedback.RecordQuestionAsync(member, text, decision, cancellationToken);
        await SendDecisionAsync(turnContext, member, decision, questionId, cancellationToken);
    }

    private async Task SendDecisionAsync(
        ITurnContext turnContext, MemberContext member, AnswerDecision decision, long? questionId, CancellationToken cancellationToken)
    {
        switch (decision.Action)
        {
            case EntryActions.Handoff:
                await handoff.StartAsync(turnContext, member, cancellationToken);
                break;
            case EntryActions.Subscribe:
                await subscription.ShowMenuAsync(turnContext, member, cancellationToken);
                break;
            default:
                await feedback.SendAsync(turnContext, member, decision, questionId, cancellationToken);
                break;
        }
    }
}
