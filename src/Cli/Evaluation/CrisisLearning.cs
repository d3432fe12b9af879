using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;

namespace Outreach.Cli.Evaluation;

/// <summary>
/// The learned crisis classifier's data and its honest measurement: the training rows made from question sets, and
/// leave-one-set-out cross-validation (train on every set but X, score X) of the classifier alone and of rules + classifier.
/// </summary>
internal static partial class CrisisLearning
{
    /// <summary>The first number a crisis question expects ("first: 115" in its note, else the first 11x it must mention); null for none.</summary>
    public static string? ExpectedNumber(EvalQuestion question)
    {
        if (question.Topic != Evaluator.CrisisTopic)
        {
            return null;
        }

        var note = FirstInNote().Match(question.Note ?? "");
        return note.Success ? note.Groups[1].Value : question.MustMentionAny.FirstOrDefault(m => HotlineNumber().IsMatch(m)) ?? "";
    }

    /// <summary>
    /// The training label of a question: "none", or the crisis kind whose first number it expects: the rules' kind when the
    /// rules give that number, else the plain kind of the number (113 danger, 115 medical, 114 fire, 112 disaster, 111 child).
    /// Null for a crisis question without an 11x number (not trained on).
    /// </summary>
    public static string? Label(EvalQuestion question, CrisisDetector rules)
    {
        var number = ExpectedNumber(question);
        if (number is null)
        {
            return CrisisClassifier.NoneLabel;
        }

        if (number.Length == 0)
        {
            return null;
        }

        var found = rules.AssessByRules(question.Question).Categories.Where(c => c != CrisisCategory.Abuse && CrisisClassifier.FirstNumber(c) == number);
        return found.Select(c => (CrisisCategory?)c).FirstOrDefault() is { } kind ? kind.ToName() : number switch
        {
            "115" => CrisisCategory.Medical.ToName(),
            "114" => CrisisCategory.Fire.ToName(),
            "112" => CrisisCategory.Disaster.ToName(),
            "111" => CrisisCategory.Child.ToName(),
            _ => CrisisCategory.Danger.ToName(),
        };
    }

    /// <summary>The training rows: every question of the files, then the pack's FAQ questions as "none"; first of a text wins.</summary>
    public static List<CrisisExample> MakeExamples(ContentPack pack, IEnumerable<EvalQuestion> questions)
    {
        var rules = new CrisisDetector(pack.Crisis);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<CrisisExample>();
        foreach (var question in questions)
        {
            if (Label(question, rules) is { } label && seen.Add(question.Question))
            {
                rows.Add(new CrisisExample(question.Question, label));
            }
        }

        foreach (var text in pack.Entries.Where(e => e.Topic != Evaluator.CrisisTopic).SelectMany(e => e.Questions))
        {
            if (seen.Add(text))
            {
                rows.Add(new CrisisExample(text, CrisisClassifier.NoneLabel));
            }
        }

        return rows;
    }

    public static string ToJsonLines(IEnumerable<CrisisExample> rows)
    {
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(JsonSerializer.Serialize(row, options)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One held-out set's figures at one threshold.</summary>
    internal sealed record Fold(
        string Set, int Questions, int Crises, int Everyday,
        int AloneRight, int AloneWrongNumber, int AloneFalseAlarms,
        int RulesRight, int RulesFalseAlarms,
        int Gained, int GainedWrongNumber, int AddedFalseAlarms);

    /// <summary>
    /// Leave-one-set-out: for each set, a classifier trained on <paramref name="training"/> without that set's texts, scored
    /// on that set alone and behind the rules, at each threshold.
    /// </summary>
    public static Dictionary<float, List<Fold>> CrossValidate(
        ContentPack pack, IReadOnlyList<CrisisExample> training, IReadOnlyList<(string Set, List<EvalQuestion> Questions)> sets,
        IReadOnlyList<float> thresholds, Action<string>? progress = null)
    {
        var rules = new CrisisDetector(pack.Crisis);
        var result = thresholds.ToDictionary(t => t, _ => new List<Fold>());
        foreach (var (set, questions) in sets)
        {
            var held = questions.Select(q => q.Question).ToHashSet(StringComparer.Ordinal);
            var classifier = CrisisClassifier.Train(training.Where(r => !held.Contains(r.Text)).ToList());
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{set}: huấn luyện {classifier.Examples} câu trong {classifier.TrainingTime.TotalSeconds:0.0} s"));
            var scored = questions
                .Select(q => (Expected: ExpectedNumber(q), Rules: rules.AssessByRules(q.Question), Opinion: classifier.Predict(q.Question)))
                .Where(s => s.Expected is not "")
                .ToList();
            foreach (var threshold in thresholds)
            {
                int aloneRight = 0, aloneWrong = 0, aloneFalse = 0, rulesRight = 0, rulesFalse = 0, gained = 0, gainedWrong = 0, added = 0;
                foreach (var (expected, byRules, opinion) in scored)
                {
                    var learned = opinion.Category is { } c && opinion.Probability >= threshold ? CrisisClassifier.FirstNumber(c) : null;
                    var ruled = byRules.IsCrisis ? CrisisClassifier.FirstNumber(byRules.Primary) : null;
                    if (expected is null)
                    {
                        aloneFalse += learned is null ? 0 : 1;
                        rulesFalse += ruled is null ? 0 : 1;
                        added += ruled is null && learned is not null ? 1 : 0;
                        continue;
                    }

                    aloneRight += learned == expected ? 1 : 0;
                    aloneWrong += learned is not null && learned != expected ? 1 : 0;
                    rulesRight += ruled == expected ? 1 : 0;
                    if (ruled is null && learned is not null)
                    {
                        gained += learned == expected ? 1 : 0;
                        gainedWrong += learned != expected ? 1 : 0;
                    }
                }

                var crises = scored.Count(s => s.Expected is not null);
                result[threshold].Add(new Fold(set, scored.Count, crises, scored.Count - crises,
                    aloneRight, aloneWrong, aloneFalse, rulesRight, rulesFalse, gained, gainedWrong, added));
            }
        }

        return result;
    }

    /// <summary>The table of one threshold (vi-VN numbers), then one line per threshold with the totals.</summary>
    public static string Format(Dictionary<float, List<Fold>> folds, float chosen)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var text = new StringBuilder();
        text.AppendLine(string.Create(vi, $"Ngưỡng {chosen:0.00}: mỗi bộ được chấm bởi mô hình học trên các bộ còn lại."))
            .AppendLine("| bộ | câu khủng hoảng | chỉ mô hình: đúng số đầu | chỉ mô hình: sai số | chỉ mô hình: báo nhầm / câu thường | chỉ luật: đúng | luật + mô hình: thêm đúng | thêm sai số | thêm báo nhầm |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var rows = folds[chosen];
        foreach (var f in rows.Append(Total(rows)))
        {
            text.AppendLine(string.Create(vi,
                $"| {f.Set} | {f.Crises} | {f.AloneRight} ({Percent(f.AloneRight, f.Crises)}) | {f.AloneWrongNumber} | {f.AloneFalseAlarms} / {f.Everyday} ({Percent(f.AloneFalseAlarms, f.Everyday)}) | {f.RulesRight} | {f.Gained} | {f.GainedWrongNumber} | {f.AddedFalseAlarms} |"));
        }

        text.AppendLine().AppendLine("| ngưỡng | chỉ mô hình: đúng số đầu | sai số | báo nhầm | luật + mô hình: thêm đúng | thêm sai số | thêm báo nhầm |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (threshold, list) in folds.OrderBy(p => p.Key))
        {
            var t = Total(list);
            text.AppendLine(string.Create(vi,
                $"| {threshold:0.00} | {t.AloneRight}/{t.Crises} ({Percent(t.AloneRight, t.Crises)}) | {t.AloneWrongNumber} | {t.AloneFalseAlarms}/{t.Everyday} | {t.Gained} | {t.GainedWrongNumber} | {t.AddedFalseAlarms} |"));
        }

        return text.ToString();
    }

    private static Fold Total(List<Fold> rows) => new("**tổng**", rows.Sum(r => r.Questions), rows.Sum(r => r.Crises), rows.Sum(r => r.Everyday),
        rows.Sum(r => r.AloneRight), rows.Sum(r => r.AloneWrongNumber), rows.Sum(r => r.AloneFalseAlarms),
        rows.Sum(r => r.RulesRight), rows.Sum(r => r.RulesFalseAlarms),
        rows.Sum(r => r.Gained), rows.Sum(r => r.GainedWrongNumber), rows.Sum(r => r.AddedFalseAlarms));

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.GetCultureInfo("vi-VN")) + "%";

    [GeneratedRegex(@"first:\s*(\d{3})")]
    private static partial Regex FirstInNote();

    [GeneratedRegex(@"^11[1-5]$")]
    private static partial Regex HotlineNumber();
}
