using Dapper;
using Npgsql;
using Outreach.Content.Contacts;
using Outreach.Content.Handoffs;

namespace Outreach.Content.Unanswered;

/// <summary>
/// The staff side of "Câu hỏi chưa trả lời được", scoped to a unit (see <see cref="ContactScope"/>): open missed questions
/// grouped by wording, newest group first; a group's questions; marking a group or a question handled; the weekly answer rate;
/// feedback per entry. A crisis message is never listed (it has no text here): only counted. Erased or purged text is gone.
/// </summary>
public sealed class UnansweredStore(NpgsqlDataSource dataSource, HandoffStore handoffs)
{
    /// <summary>The most groups the queue lists.</summary>
    public const int GroupLimit = 200;

    /// <summary>The most questions a group lists.</summary>
    public const int QuestionLimit = 200;

    private const string ScopedOpen =
        $"""
        FROM member_questions q
        JOIN contacts c ON c.id = q.contact_id
        {ContactScope.Join}
        WHERE {ContactScope.Where}
          AND q.missed IS NOT NULL AND q.status = 'open' AND q.text IS NOT NULL AND q.outcome <> 'crisis' AND c.status <> 'erased'
        """;

    // The wording of the question that names the group, when that question is the scope's own (another unit's id names nothing).
    private static readonly string SameWording =
        $"(SELECT n.wording FROM member_questions n WHERE n.id = @questionId AND {ContactScope.Contains("n.contact_id")})";

    public async Task<IReadOnlyList<QuestionGroup>> ListGroupsAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<QuestionGroup>(new CommandDefinition(
            $"""
            SELECT (array_agg(q.id ORDER BY q.asked_at DESC, q.id DESC))[1] AS latest_id,
                   (array_agg(q.text ORDER BY q.asked_at DESC, q.id DESC))[1] AS sample,
                   count(*)::int AS count, count(DISTINCT q.contact_id)::int AS members, max(q.asked_at) AS last_asked_at,
                   array_agg(DISTINCT q.missed ORDER BY q.missed) AS reasons
            {ScopedOpen}
            GROUP BY q.wording
            ORDER BY max(q.asked_at) DESC, latest_id DESC
            LIMIT @GroupLimit
            """,
            new { scopeUnitId, GroupLimit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Crisis messages of the scope since <paramref name="since"/>: a number, never their text.</summary>
    public async Task<int> CountCrisisAsync(long scopeUnitId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"""
            SELECT count(*)::int FROM member_questions q JOIN contacts c ON c.id = q.contact_id {ContactScope.Join}
            WHERE {ContactScope.Where} AND q.outcome = 'crisis' AND q.asked_at >= @since
            """,
            new { scopeUnitId, since }, cancellationToken: cancellationToken));
    }

    /// <summary>The open questions of the group <paramref name="questionId"/> belongs to (empty: not hers, handled, or no text).</summary>
    public async Task<IReadOnlyList<QuestionListing>> ListGroupAsync(long scopeUnitId, long questionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<QuestionListing>(new CommandDefinition(
            $"""
            SELECT q.id, q.contact_id, c.display_name, c.channel, cu.name AS org_unit_name, q.asked_at, q.text, q.missed, q.status,
                   q.entry_id, q.confidence
            {ScopedOpen}
              AND q.wording = {SameWording}
            ORDER BY q.asked_at DESC, q.id DESC
            LIMIT @QuestionLimit
            """,
            new { scopeUnitId, questionId, QuestionLimit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Marks every open question of the group of <paramref name="questionId"/> (within the scope) as handled. Returns how many
    /// changed (0: the group is not hers, or someone handled it meanwhile).
    /// </summary>
    public async Task<int> MarkGroupAsync(
        long scopeUnitId, long questionId, string status, long staffId, string? entryKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE member_questions m SET status = @status, handled_by = @staffId, handled_at = @at, handled_entry = @entryKey
            WHERE m.id IN (SELECT q.id {ScopedOpen} AND q.wording = {SameWording})
            """,
            new { scopeUnitId, questionId, status, staffId, entryKey, at }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Hands the member who asked <paramref name="questionId"/> (an open question of the scope) to a person: a handoff request
    /// (or her open one) and the question marked, in one transaction. Null when the question is not hers or already handled.
    /// </summary>
    public async Task<Handoff?> HandOffAsync(long scopeUnitId, long questionId, long staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var contactId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            $"""
            UPDATE member_questions m SET status = 'handed_off', handled_by = @staffId, handled_at = @at
            WHERE m.id IN (SELECT q.id {ScopedOpen} AND q.id = @questionId)
            RETURNING m.contact_id
            """,
            new { scopeUnitId, questionId, staffId, at }, transaction, cancellationToken: cancellationToken));
        if (contactId is not { } id)
        {
            return null;
        }

        var (handoff, _) = await handoffs.RequestAsync(transaction, id, HandoffReasons.Unanswered, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return handoff;
    }

    /// <summary>Questions asked and answered per ISO week from <paramref name="from"/> to <paramref name="until"/> (local days, both included).</summary>
    public async Task<IReadOnlyList<WeekAnswers>> WeeklyAsync(long scopeUnitId, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateTime Week, int Asked, int Answered)>(new CommandDefinition(
            $"""
            SELECT date_trunc('week', q.asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS week,
                   count(*)::int AS asked, count(*) FILTER (WHERE q.missed IS NULL)::int AS answered
            FROM member_questions q JOIN contacts c ON c.id = q.contact_id {ContactScope.Join}
            WHERE {ContactScope.Where}
              AND (q.asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN @from AND @until
            GROUP BY 1 ORDER BY 1
            """,
            new { scopeUnitId, from, until }, cancellationToken: cancellationToken));
        return rows.Select(r => new WeekAnswers(DateOnly.FromDateTime(r.Week), r.Asked, r.Answered)).ToList();
    }

    /// <summary>Answers per entry given to the scope's members, with their verdicts; most judged "Chưa đúng" first.</summary>
    public async Task<IReadOnlyList<EntryFeedback>> FeedbackAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EntryFeedback>(new CommandDefinition(
            $"""
            SELECT a.entry_id, count(*)::int AS answers, count(*) FILTER (WHERE a.feedback = 'useful')::int AS useful,
                   count(*) FILTER (WHERE a.feedback = 'wrong')::int AS wrong
            FROM bot_answers a JOIN contacts c ON c.id = a.contact_id {ContactScope.Join}
            WHERE {ContactScope.Where}
            GROUP BY a.entry_id
            ORDER BY wrong DESC, useful DESC, a.entry_id
            """,
            new { scopeUnitId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
