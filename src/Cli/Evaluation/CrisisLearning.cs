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

    /// <summary>
    /// The training rows: every question of the files, then the pack's FAQ questions as "none", then the
    /// <paramref name="everyday"/> messages (the tests' quiet cases) the rules let pass as "none" (one they call a crisis is
    /// left out and told to <paramref name="skipped"/>); first of a text wins.
    /// </summary>
    public static List<CrisisExample> MakeExamples(ContentPack pack, IEnumerable<EvalQuestion> questions, IEnumerable<string>? everyday = null, Action<string>? skipped = null)
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

        foreach (var text in everyday ?? [])
        {
            if (rules.AssessByRules(text).IsCrisis)
            {
                skipped?.Invoke(text);
            }
            else if (seen.Add(text))
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

    /// <summary>A policy measured by <see cref="CrossValidate"/>, with the name its line of the table shows.</summary>
    internal sealed record NamedPolicy(string Name, CrisisPolicy Policy);

    /// <summary>One held-out message's mistake or gain under the chosen policy (<c>--verbose</c>).</summary>
    internal sealed record Case(string Set, string Id, string Kind, string? Expected, string? Learned, float Probability, string Text);

    /// <summary>
    /// Leave-one-set-out: for each set, a classifier trained on <paramref name="training"/> without that set's texts, scored
    /// on that set alone and behind the rules, under each policy.
    /// </summary>
    public static Dictionary<string, List<Fold>> CrossValidate(
        ContentPack pack, IReadOnlyList<CrisisExample> training, IReadOnlyList<(string Set, List<EvalQuestion> Questions)> sets,
        IReadOnlyList<NamedPolicy> policies, CrisisFeatures features, Action<string>? progress = null, string? chosen = null, List<Case>? cases = null)
    {
        var rules = new CrisisDetector(pack.Crisis);
        var result = policies.ToDictionary(p => p.Name, _ => new List<Fold>());
        var anyPassages = policies.Any(p => p.Policy.Passages);
        foreach (var (set, questions) in sets)
        {
            var held = questions.Select(q => q.Question).ToHashSet(StringComparer.Ordinal);
            var classifier = CrisisClassifier.Train(training.Where(r => !held.Contains(r.Text)).ToList(), features);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{set}: huấn luyện {classifier.Examples} câu trong {classifier.TrainingTime.TotalSeconds:0.0} s"));
            var scored = questions
                .Select(q => (Question: q, Expected: ExpectedNumber(q), Rules: rules.AssessByRules(q.Question), Opinion: classifier.Predict(q.Question),
                    Passages: anyPassages ? classifier.PredictPassages(q.Question) : []))
                .Where(s => s.Expected is not "")
                .ToList();
            foreach (var (name, policy) in policies)
            {
                int aloneRight = 0, aloneWrong = 0, aloneFalse = 0, rulesRight = 0, rulesFalse = 0, gained = 0, gainedWrong = 0, added = 0;
                foreach (var (question, expected, byRules, whole, passages) in scored)
                {
                    var opinion = policy.Decide(whole, passages, byRules.Cues);
                    var learned = opinion?.Category is { } c ? CrisisClassifier.FirstNumber(c) : null;
                    var ruled = byRules.IsCrisis ? CrisisClassifier.FirstNumber(byRules.Primary) : null;
                    if (name == chosen && cases is not null && learned is not null && learned != expected)
                    {
                        var kind = expected is null ? (ruled is null ? "báo nhầm thêm" : "báo nhầm (luật cũng báo)")
                            : ruled is null ? "thêm, sai số" : "sai số (luật đã bắt)";
                        cases.Add(new Case(set, question.Id, kind, expected, learned, opinion!.Probability, question.Question));
                    }
                    else if (name == chosen && cases is not null && expected is not null && ruled is null && learned == expected)
                    {
                        cases.Add(new Case(set, question.Id, "thêm đúng", expected, learned, opinion!.Probability, question.Question));
                    }

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
                result[name].Add(new Fold(set, scored.Count, crises, scored.Count - crises,
                    aloneRight, aloneWrong, aloneFalse, rulesRight, rulesFalse, gained, gainedWrong, added));
            }
        }

        return result;
    }

    /// <summary>
    /// The policies <c>crisis-eval</c> measures: whole-message thresholds; the same with a long message's most alarming
    /// sentence; the pack's gates (<paramref name="pack"/>: crisis-gates.yaml) at lower thresholds behind 0.70 or 0.80; the
    /// pack's policy itself; the pack's policy without each of its gates; and each gate of <paramref name="tries"/> (a gates
    /// file to try) added to the pack's policy (in place of a pack gate of its number) at its own threshold and at 0.50–0.60.
    /// </summary>
    public static List<NamedPolicy> Policies(float chosen, CrisisPolicy pack, IReadOnlyList<CrisisGate>? tries = null)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var list = new List<NamedPolicy>();
        float[] thresholds = [.. new[] { 0.4f, 0.5f, 0.6f, 0.7f, 0.75f, 0.8f, 0.9f, chosen }.Distinct().Order()];
        foreach (var passages in new[] { false, true })
        {
            foreach (var t in thresholds)
            {
                list.Add(new(string.Create(vi, $"{t:0.00}{(passages ? " + câu" : "")}"), new CrisisPolicy(t, [], passages)));
            }
        }

        var numbers = string.Join("/", pack.Gates.Select(g => g.Number).Distinct());
        if (pack.Gates.Count > 0)
        {
            foreach (var passages in new[] { false, true })
            {
                foreach (var t in new[] { 0.7f, 0.8f })
                {
                    foreach (var g in new[] { 0.3f, 0.4f, 0.5f, 0.6f })
                    {
                        if (g < t)
                        {
                            list.Add(new(string.Create(vi, $"{t:0.00}{(passages ? " + câu" : "")}, {numbers} có dấu hiệu {g:0.00}"),
                                new CrisisPolicy(t, [.. pack.Gates.Select(gate => gate with { Threshold = g })], passages)));
                        }
                    }
                }
            }
        }

        if (!list.Any(p => p.Policy.DecidesAs(pack)))
        {
            list.Add(new("gói (crisis-gates.yaml)", pack));
        }

        foreach (var gate in pack.Gates)
        {
            list.Add(new(string.Create(vi, $"gói, bỏ cổng {gate.Number}"), pack with { Gates = [.. pack.Gates.Where(g => g != gate)] }));
        }

        foreach (var gate in tries ?? [])
        {
            foreach (var g in new[] { gate.Threshold, 0.5f, 0.55f, 0.6f }.Distinct().Order())
            {
                var tried = gate with { Threshold = g };
                var replaced = pack.Gates.Any(p => p.Number == gate.Number);
                list.Add(new(string.Create(vi, $"gói, {(replaced ? "thay" : "thêm")} cổng {gate.Number} thử ({gate.Groups.Count} nhóm) {g:0.00}"),
                    pack with { Gates = [.. pack.Gates.Where(p => p.Number != gate.Number), tried] }));
            }
        }

        return list;
    }

    /// <summary>The table of one threshold (vi-VN numbers), then one line per threshold with the totals.</summary>
    public static string Format(Dictionary<string, List<Fold>> folds, string chosen)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var text = new StringBuilder();
        text.AppendLine(string.Create(vi, $"Ngưỡng {chosen}: mỗi bộ được chấm bởi mô hình học trên các bộ còn lại."))
            .AppendLine("| bộ | câu khủng hoảng | chỉ mô hình: đúng số đầu | chỉ mô hình: sai số | chỉ mô hình: báo nhầm / câu thường | chỉ luật: đúng | luật + mô hình: thêm đúng | thêm sai số | thêm báo nhầm |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var rows = folds[chosen];
        foreach (var f in rows.Append(Total(rows)))
        {
            text.AppendLine(string.Create(vi,
                $"| {f.Set} | {f.Crises} | {f.AloneRight} ({Percent(f.AloneRight, f.Crises)}) | {f.AloneWrongNumber} | {f.AloneFalseAlarms} / {f.Everyday} ({Percent(f.AloneFalseAlarms, f.Everyday)}) | {f.RulesRight} | {f.Gained} | {f.GainedWrongNumber} | {f.AddedFalseAlarms} |"));
        }

        text.AppendLine().AppendLine("| ngưỡng | chỉ mô hình: đúng số đầu | sai số | báo nhầm | luật + mô hình: thêm đúng | thêm sai số | thêm báo nhầm | bộ có báo nhầm thêm |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, list) in folds)
        {
            var t = Total(list);
            text.AppendLine(string.Create(vi,
                $"| {name} | {t.AloneRight}/{t.Crises} ({Percent(t.AloneRight, t.Crises)}) | {t.AloneWrongNumber} | {t.AloneFalseAlarms}/{t.Everyday} | {t.Gained} | {t.GainedWrongNumber} | {t.AddedFalseAlarms} | {list.Count(f => f.AddedFalseAlarms > 0)} |"));
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
