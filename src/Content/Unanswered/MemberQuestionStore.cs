using Dapper;
using Npgsql;

namespace Outreach.Content.Unanswered;

/// <summary>
/// The member side of the queue, always in the turn's transaction (a turn commits whole or not at all): each typed question
/// and how it ended, each answer and her "Hữu ích" / "Chưa đúng" on it, a suggestion she took.
/// </summary>
public sealed class MemberQuestionStore
{
    /// <summary>Records a question; returns its id. A crisis message's text is never stored, whatever the draft says.</summary>
    public async Task<long> RecordQuestionAsync(NpgsqlTransaction transaction, QuestionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(draft);
        var isCrisis = draft.Outcome == QuestionOutcomes.Crisis;
        var text = isCrisis ? null : draft.Text?.Trim();
        return await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO member_questions (contact_id, inbox_event_id, asked_at, text, wording, outcome, entry_id, confidence, suggested, missed)
            VALUES (@ContactId, @InboxEventId, @AskedAt, @text, @wording, @Outcome, @EntryId, @Confidence, @suggested, @Missed)
            RETURNING id
            """,
            new
            {
                draft.ContactId, draft.InboxEventId, draft.AskedAt, text, wording = text is null ? null : QuestionWording.Of(text), draft.Outcome,
                draft.EntryId, Confidence = (float)draft.Confidence, suggested = draft.Suggested.ToArray(), draft.Missed,
            },
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Records an answer from an entry (with the choices offered, in order); returns its id.</summary>
    public async Task<long> RecordAnswerAsync(
        NpgsqlTransaction transaction, long contactId, long? questionId, string entryId, IReadOnlyList<string> choices, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(choices);
        return await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO bot_answers (contact_id, question_id, last_question_id, entry_id, choices, answered_at)
            VALUES (@contactId, @questionId, (SELECT max(id) FROM member_questions WHERE contact_id = @contactId), @entryId, @choices, @at)
            RETURNING id
            """,
            new { contactId, questionId, entryId, choices = choices.ToArray(), at }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Her latest answer when it was given since <paramref name="since"/> and she has asked nothing after it (her feedback can
    /// only be about the answer she just got); null otherwise.
    /// </summary>
    public async Task<LastAnswer?> LastAnswerAsync(NpgsqlTransaction transaction, long contactId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.QuerySingleOrDefaultAsync<LastAnswer>(new CommandDefinition(
            """
            SELECT a.id, a.question_id, a.entry_id, a.choices, a.answered_at, a.feedback
            FROM (SELECT * FROM bot_answers WHERE contact_id = @contactId ORDER BY id DESC LIMIT 1) a
            WHERE a.answered_at >= @since
              AND NOT EXISTS (SELECT 1 FROM member_questions q WHERE q.contact_id = @contactId AND q.id > coalesce(a.last_question_id, 0))
            """,
            new { contactId, since }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Her verdict on one of her answers (the last one counts). "Chưa đúng" puts the answer's question in the queue; "Hữu ích"
    /// takes a low-confidence or wrongly judged one out. False when the answer is not hers.
    /// </summary>
    public async Task<bool> SetFeedbackAsync(
        NpgsqlTransaction transaction, long contactId, long answerId, string verdict, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (!AnswerVerdicts.IsKnown(verdict))
        {
            throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict.");
        }

        var questionId = await transaction.Connection!.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            UPDATE bot_answers SET feedback = @verdict, feedback_at = @at WHERE id = @answerId AND contact_id = @contactId
            RETURNING coalesce(question_id, 0)
            """,
            new { answerId, contactId, verdict, at }, transaction, cancellationToken: cancellationToken));
        if (questionId is null)
        {
            return false;
        }

        if (questionId > 0)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                verdict == AnswerVerdicts.Wrong
                    ? "UPDATE member_questions SET missed = 'wrong', status = 'open' WHERE id = @questionId AND outcome <> 'crisis'"
                    : "UPDATE member_questions SET missed = NULL WHERE id = @questionId AND missed IN ('low_confidence', 'wrong')",
                new { questionId }, transaction, cancellationToken: cancellationToken));
        }

        return true;
    }

    /// <summary>
    /// She tapped <paramref name="entryId"/>: when her latest question offered it as a suggestion, that question was answered
    /// after all. Returns the question's id then (the answer is about it), else null.
    /// </summary>
    public async Task<long?> TakeSuggestionAsync(NpgsqlTransaction transaction, long contactId, string entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            UPDATE member_questions q SET missed = NULL, entry_id = @entryId
            FROM (SELECT id FROM member_questions WHERE contact_id = @contactId ORDER BY id DESC LIMIT 1) latest
            WHERE q.id = latest.id AND q.outcome = 'suggestions' AND @entryId = ANY (q.suggested)
            RETURNING q.id
            """,
            new { contactId, entryId }, transaction, cancellationToken: cancellationToken));
    }
}
