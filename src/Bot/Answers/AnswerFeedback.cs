using System.Globalization;
using Microsoft.Extensions.Options;
using Outreach.Bot.Core;
using Outreach.Content.ContentPacks;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Unanswered;

namespace Outreach.Bot.Answers;

/// <summary>
/// What the bot learns from each question, in the turn's transaction: the question and how it ended (the fallback, a
/// low-confidence answer and suggestions go to the staff queue), the answer given from an entry with "Hữu ích" / "Chưa đúng"
/// under it (quick replies; numbered lines on Zalo, so a typed "2" is read against the choices offered), and her verdict,
/// tapped or typed ("không đúng", "sai rồi" right after the answer). Crisis replies never carry these choices.
/// </summary>
public sealed class AnswerFeedback(MemberQuestionStore questions, IOptions<UnansweredOptions> options, TimeProvider time)
{
    /// <summary>"FEEDBACK:useful:&lt;answer id&gt;" or "FEEDBACK:wrong:&lt;answer id&gt;".</summary>
    public const string PayloadPrefix = "FEEDBACK:";

    private const string SmalltalkTopic = "smalltalk";

    public static string Payload(string verdict, long answerId) =>
        string.Create(CultureInfo.InvariantCulture, $"{PayloadPrefix}{verdict}:{answerId}");

    /// <summary>Records a typed question and the engine's decision on it; returns its id (null: no database, small talk, nothing typed).</summary>
    public async Task<long?> RecordQuestionAsync(MemberContext member, string? text, AnswerDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(decision);
        if (member.Session is not { } session || member.ContactId is not { } contactId || string.IsNullOrWhiteSpace(text)
            || decision is { Kind: AnswerKind.Answer, Topic: SmalltalkTopic })
        {
            return null;
        }

        var (outcome, missed) = decision.Kind switch
        {
            AnswerKind.Crisis => (QuestionOutcomes.Crisis, (string?)null),
            AnswerKind.Fallback => (QuestionOutcomes.Fallback, MissReasons.Fallback),
            AnswerKind.Suggestions => (QuestionOutcomes.Suggestions, MissReasons.Suggestions),
            _ => (QuestionOutcomes.Answer, decision.Confidence < options.Value.LowConfidence ? MissReasons.LowConfidence : null),
        };
        var suggested = decision.Kind == AnswerKind.Suggestions
            ? decision.Choices.Select(c => c.Payload).Where(p => p.StartsWith(AnswerPayloads.EntryPrefix, StringComparison.Ordinal))
                .Select(p => p[AnswerPayloads.EntryPrefix.Length..]).ToList()
            : [];
        return await questions.RecordQuestionAsync(
            session.Transaction,
            new QuestionDraft(contactId, session.InboxEvent.Id, time.GetUtcNow(), text, outcome, decision.EntryId, decision.Confidence, suggested, missed),
            cancellationToken);
    }

    /// <summary>A crisis message: counted for staff, its text never stored.</summary>
    public Task RecordCrisisAsync(MemberContext member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Session is { } session && member.ContactId is { } contactId
            ? questions.RecordQuestionAsync(
                session.Transaction,
                new QuestionDraft(contactId, session.InboxEvent.Id, time.GetUtcNow(), null, QuestionOutcomes.Crisis, null, 1, [], null),
                cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>She tapped an entry: the question whose suggestion it was, now answered (null when it was not one).</summary>
    public Task<long?> TakeSuggestionAsync(MemberContext member, string entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Session is { } session && member.ContactId is { } contactId
            ? questions.TakeSuggestionAsync(session.Transaction, contactId, entryId, cancellationToken)
            : Task.FromResult<long?>(null);
    }

    /// <summary>
    /// Sends an entry's answer with "Hữu ích" / "Chưa đúng" after its own choices, and records it. Anything else (the fallback,
    /// suggestions, small talk, a reply without a database) goes as it is.
    /// </summary>
    public async Task SendAsync(ITurnContext turnContext, MemberContext member, AnswerDecision decision, long? questionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision is not { Kind: AnswerKind.Answer, EntryId: { } entryId } || decision.Topic == SmalltalkTopic
            || member.Session is not { } session || member.ContactId is not { } contactId)
        {
            await Replies.SendAsync(turnContext, decision.Text, decision.Choices, cancellationToken);
            return;
        }

        var texts = member.Knowledge.Texts;
        var offered = decision.Choices.Select(c => c.Payload).Append(Generic(AnswerVerdicts.Useful)).Append(Generic(AnswerVerdicts.Wrong)).ToList();
        var answerId = await questions.RecordAnswerAsync(session.Transaction, contactId, questionId, entryId, offered, time.GetUtcNow(), cancellationToken);
        var choices = decision.Choices
            .Append(new MenuItem(texts.Get("feedback_useful"), Payload(AnswerVerdicts.Useful, answerId)))
            .Append(new MenuItem(texts.Get("feedback_wrong"), Payload(AnswerVerdicts.Wrong, answerId)))
            .ToList();
        await Replies.SendAsync(turnContext, decision.Text, choices, cancellationToken);
    }

    /// <summary>A tapped "Hữu ích" / "Chưa đúng": recorded on that answer (when it is hers) and acknowledged.</summary>
    public async Task HandlePayloadAsync(ITurnContext turnContext, MemberContext member, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload[PayloadPrefix.Length..].Split(':');
        var verdict = parts[0] == AnswerVerdicts.Wrong ? AnswerVerdicts.Wrong : AnswerVerdicts.Useful;
        if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var answerId)
            && member.Session is { } session && member.ContactId is { } contactId)
        {
            await questions.SetFeedbackAsync(session.Transaction, contactId, answerId, verdict, time.GetUtcNow(), cancellationToken);
        }

        await AcknowledgeAsync(turnContext, member, verdict, cancellationToken);
    }

    /// <summary>
    /// A typed verdict right after an answer ("không đúng", "sai rồi", "hữu ích"), or a typed number picking one of the
    /// answer's choices (Zalo's numbered lines). Returns the payload of a picked choice that is not a verdict (for the bot to
    /// handle), <see cref="Handled"/> when a verdict was recorded, or null when the message is not about the last answer.
    /// </summary>
    public async Task<string?> TryTypedAsync(ITurnContext turnContext, MemberContext member, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (string.IsNullOrWhiteSpace(text) || member.Session is not { } session || member.ContactId is not { } contactId)
        {
            return null;
        }

        var texts = member.Knowledge.Texts;
        var verdict = IsOneOf(text, texts.Words("feedback_wrong_words")) ? AnswerVerdicts.Wrong
            : IsOneOf(text, texts.Words("feedback_useful_words")) ? AnswerVerdicts.Useful
            : null;
        var number = verdict is null && int.TryParse(text.Trim().TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (verdict is null && number == 0)
        {
            return null;
        }

        var since = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.FeedbackMinutes);
        if (await questions.LastAnswerAsync(session.Transaction, contactId, since, cancellationToken) is not { } last)
        {
            return null;
        }

        if (verdict is null)
        {
            if (number > last.Choices.Length)
            {
                return null;
            }

            var picked = last.Choices[number - 1];
            if (!picked.StartsWith(PayloadPrefix, StringComparison.Ordinal))
            {
                return picked;
            }

            verdict = picked[PayloadPrefix.Length..];
        }

        await questions.SetFeedbackAsync(session.Transaction, contactId, last.Id, verdict, time.GetUtcNow(), cancellationToken);
        await AcknowledgeAsync(turnContext, member, verdict, cancellationToken);
        return Handled;
    }

    /// <summary>What <see cref="TryTypedAsync"/> returns when the message was her verdict.</summary>
    public const string Handled = "FEEDBACK";

    private static Task AcknowledgeAsync(ITurnContext turnContext, MemberContext member, string verdict, CancellationToken cancellationToken)
    {
        var texts = member.Knowledge.Texts;
        return verdict == AnswerVerdicts.Wrong
            ? Replies.SendAsync(turnContext, texts.Get("feedback_sorry"), texts.Menu, cancellationToken)
            : Replies.SendAsync(turnContext, texts.Get("feedback_thanks"), [], cancellationToken);
    }

    // Particles and forms of address aside ("sai rồi em ơi", "không đúng ạ").
    private static bool IsOneOf(string text, IReadOnlyList<string> words)
    {
        var said = QuestionWording.Of(text);
        return said.Length > 0 && words.Any(w => QuestionWording.Of(w) == said);
    }

    private static string Generic(string verdict) => PayloadPrefix + verdict;
}
