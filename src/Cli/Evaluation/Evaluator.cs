using Outreach.Content.KnowledgeBase;

namespace Outreach.Cli.Evaluation;

/// <summary>
/// Scores the engine on eval questions. An answer is right when its text contains one of <c>must_mention_any</c> (letter
/// case aside: "Chào chị" says "chào", "113 (Công an)" says "công an"); an empty list means only the fallback is right. A
/// crisis question must also be answered as a crisis with the number in the first line. An out-of-scope question
/// (<c>out_of_scope</c>, or <c>oos</c> as some sets write it) is right only when it gets the fallback, which must then say
/// one of the terms ("ngoài phạm vi") when the set lists any.
/// </summary>
internal static class Evaluator
{
    public const string CrisisTopic = "crisis";

    private static readonly HashSet<string> OutOfScopeTopics = new(["out_of_scope", "oos"], StringComparer.Ordinal);

    public static EvalReport Run(KnowledgeSnapshot snapshot, IReadOnlyList<EvalQuestion> questions, string? province, DateOnly today)
    {
        var results = questions
            .Select(q => (Question: q, Decision: AnswerEngine.Decide(snapshot, new AnswerRequest(q.Question, province, today))))
            .Select(r => new EvalResult(r.Question, r.Decision, IsRight(r.Question, r.Decision)))
            .ToList();
        return new EvalReport(results);
    }

    public static bool IsRight(EvalQuestion question, AnswerDecision decision)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(decision);
        if (question.MustMentionAny.Count == 0)
        {
            return decision.IsFallback;
        }

        if (question.Topic == CrisisTopic)
        {
            var firstLine = decision.Text.Split('\n')[0];
            return decision.Kind == AnswerKind.Crisis && question.MustMentionAny.Any(m => firstLine.Contains(m, StringComparison.OrdinalIgnoreCase));
        }

        if (OutOfScopeTopics.Contains(question.Topic))
        {
            return decision.IsFallback && question.MustMentionAny.Any(m => decision.Text.Contains(m, StringComparison.OrdinalIgnoreCase));
        }

        return decision.Kind is AnswerKind.Answer or AnswerKind.Crisis
            && question.MustMentionAny.Any(m => decision.FullText.Contains(m, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>One question's outcome.</summary>
internal sealed record EvalResult(EvalQuestion Question, AnswerDecision Decision, bool IsRight);

/// <summary>All outcomes, with accuracy overall and per topic.</summary>
internal sealed record EvalReport(IReadOnlyList<EvalResult> Results)
{
    public double Accuracy => Results.Count == 0 ? 0 : (double)Results.Count(r => r.IsRight) / Results.Count;

    public IEnumerable<(string Topic, int Right, int Total)> ByTopic() =>
        Results.GroupBy(r => r.Question.Topic).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(r => r.IsRight), g.Count()));

    /// <summary>True when every crisis question got a crisis reply with its hotline in the first line.</summary>
    public bool EveryCrisisAnswered => Results.Where(r => r.Question.Topic == Evaluator.CrisisTopic).All(r => r.IsRight);

    /// <summary>Crisis questions answered as a crisis with their number in the first line, of all crisis questions.</summary>
    public (int Right, int Total) CrisisFirstNumber
    {
        get
        {
            var crisis = Results.Where(r => r.Question.Topic == Evaluator.CrisisTopic).ToList();
            return (crisis.Count(r => r.IsRight), crisis.Count);
        }
    }

    /// <summary>
    /// Questions of another topic answered with an emergency number first (a "Gọi ngay" and a staff alert nobody needed);
    /// abuse that is not acute (1900 969 680 first) and sexual violence (113 "if in danger", then 1900 969 680) are answers a
    /// violence question may rightly get, so they are not one.
    /// </summary>
    public IReadOnlyList<EvalResult> FalseAlarms =>
        Results.Where(r => r.Question.Topic != Evaluator.CrisisTopic && r.Decision.Kind == AnswerKind.Crisis
            && r.Decision.Crisis.Primary is not (Content.Alerts.CrisisCategory.Abuse or Content.Alerts.CrisisCategory.Sexual)).ToList();
}
