using System.CommandLine;
using System.Globalization;
using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;

namespace Outreach.Cli.Evaluation;

/// <summary>
/// <c>crisis-data OUT FILE…</c> writes the learned crisis classifier's training rows (crisis-training.jsonl beside the pack);
/// <c>crisis-eval FILE… [--threshold T]</c> prints its leave-one-set-out cross-validation.
/// </summary>
internal static class CrisisLearningCommands
{
    public static Command Data()
    {
        var output = new Argument<FileInfo>("output") { Description = "Tệp JSON Lines {\"text\",\"label\"} sẽ ghi (crisis-training.jsonl)" };
        var files = new Argument<FileInfo[]>("files") { Description = "Các tệp câu hỏi (định dạng của eval)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("crisis-data", "Tạo dữ liệu huấn luyện cho mô hình nhận diện khủng hoảng") { output, files, PackSource.Pack };
        command.SetAction(async (result, cancellationToken) =>
        {
            var questions = new List<EvalQuestion>();
            foreach (var file in result.GetValue(files)!)
            {
                questions.AddRange(await EvalQuestion.ReadAsync(file.FullName, cancellationToken));
            }

            var pack = await ContentPackReader.ReadAsync(result.GetValue(PackSource.Pack)!, cancellationToken);
            var rows = CrisisLearning.MakeExamples(pack, questions);
            await File.WriteAllTextAsync(result.GetValue(output)!.FullName, CrisisLearning.ToJsonLines(rows), cancellationToken);
            var byLabel = string.Join(", ", rows.GroupBy(r => r.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"Đã ghi {rows.Count:N0} câu: {byLabel}"));
            return 0;
        });
        return command;
    }

    public static Command Eval()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Các bộ câu hỏi (set-h.jsonl…): mỗi bộ được chấm bởi mô hình học trên các bộ còn lại", Arity = ArgumentArity.OneOrMore };
        var threshold = new Option<float>("--threshold")
        {
            Description = "Ngưỡng xác suất để in bảng chi tiết",
            DefaultValueFactory = _ => CrisisClassifier.DefaultThreshold,
        };
        var command = new Command("crisis-eval", "Kiểm định chéo (bỏ một bộ) mô hình nhận diện khủng hoảng") { files, threshold, PackSource.Pack };
        command.SetAction(async (result, cancellationToken) =>
        {
            var sets = new List<(string, List<EvalQuestion>)>();
            foreach (var file in result.GetValue(files)!)
            {
                var name = Path.GetFileNameWithoutExtension(file.Name);
                sets.Add((name.StartsWith("set-", StringComparison.Ordinal) ? name[4..] : name, await EvalQuestion.ReadAsync(file.FullName, cancellationToken)));
            }

            var pack = await ContentPackReader.ReadAsync(result.GetValue(PackSource.Pack)!, cancellationToken);
            var chosen = result.GetValue(threshold);
            float[] thresholds = [.. new[] { 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.75f, 0.8f, 0.9f, chosen }.Distinct().Order()];
            var folds = CrisisLearning.CrossValidate(pack, CrisisClassifier.ReadShipped(), sets, thresholds, Console.Error.WriteLine);
            Console.Write(CrisisLearning.Format(folds, chosen));
            return 0;
        });
        return command;
    }
}
