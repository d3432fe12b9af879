using System.CommandLine;
using System.Globalization;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Cli.Evaluation;

/// <summary><c>eval FILE [--province CODE] [--verbose]</c>: accuracy per topic on a JSON Lines eval file.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp JSON Lines: {\"id\",\"q\",\"topic\",\"must_mention_any\"}" };
        var verbose = new Option<bool>("--verbose") { Description = "In từng câu sai" };
        var command = new Command("eval", "Đánh giá trợ lý trên một tệp câu hỏi") { file, PackSource.Pack, PackSource.Province, verbose };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp {path}");
                return 2;
            }

            var questions = await EvalQuestion.ReadAsync(path, cancellationToken);
            var snapshot = await PackSource.LoadAsync(result.GetValue(PackSource.Pack)!, cancellationToken);
            var report = Evaluator.Run(snapshot, questions, result.GetValue(PackSource.Province), VietnamClock.Today(TimeProvider.System));
            Console.Write(Format(report, result.GetValue(verbose)));
            return 0;
        });
        return command;
    }

    public static string Format(EvalReport report, bool verbose)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("| chủ đề | đúng | tổng | tỷ lệ |").AppendLine("|---|---:|---:|---:|");
        foreach (var (topic, right, total) in report.ByTopic())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {topic} | {right} | {total} | {100.0 * right / total:0.0}% |");
        }

        var all = report.Results.Count(r => r.IsRight);
        text.AppendLine(CultureInfo.InvariantCulture, $"| **tất cả** | {all} | {report.Results.Count} | {100 * report.Accuracy:0.0}% |");
        text.AppendLine(report.EveryCrisisAnswered
            ? "Mọi câu khủng hoảng: số đường dây nóng ở dòng đầu."
            : "CÓ câu khủng hoảng chưa có số đường dây nóng ở dòng đầu!");
        var (crisisRight, crisisTotal) = report.CrisisFirstNumber;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Khủng hoảng đúng số ở dòng đầu: {crisisRight}/{crisisTotal}; báo động nhầm (câu không khủng hoảng mở đầu bằng số khẩn cấp): {report.FalseAlarms.Count}");
        foreach (var alarm in report.FalseAlarms.Where(_ => verbose))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"⚠ {alarm.Question.Id} [{alarm.Question.Topic}]: {alarm.Question.Question}");
        }

        foreach (var wrong in report.Results.Where(r => verbose && !r.IsRight))
        {
            var d = wrong.Decision;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"✗ {wrong.Question.Id} [{wrong.Question.Topic}] {d.Kind} {d.EntryId ?? "-"} {d.Confidence:0.00}: {wrong.Question.Question}");
        }

        return text.ToString();
    }
}
