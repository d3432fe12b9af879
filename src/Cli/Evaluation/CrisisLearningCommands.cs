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
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "Các tệp câu hỏi (định dạng của eval); tệp .txt là tin nhắn thường, mỗi dòng một tin: thêm với nhãn none khi luật không báo khủng hoảng",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("crisis-data", "Tạo dữ liệu huấn luyện cho mô hình nhận diện khủng hoảng") { output, files, PackSource.Pack };
        command.SetAction(async (result, cancellationToken) =>
        {
            var questions = new List<EvalQuestion>();
            var everyday = new List<string>();
            foreach (var file in result.GetValue(files)!)
            {
                if (file.Extension == ".txt")
                {
                    everyday.AddRange((await File.ReadAllLinesAsync(file.FullName, cancellationToken)).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()));
                }
                else
                {
                    questions.AddRange(await EvalQuestion.ReadAsync(file.FullName, cancellationToken));
                }
            }

            var pack = await ContentPackReader.ReadAsync(result.GetValue(PackSource.Pack)!, cancellationToken);
            var rows = CrisisLearning.MakeExamples(pack, questions, everyday, text => Console.Error.WriteLine("Luật báo khủng hoảng, bỏ qua: " + text));
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
        var threshold = new Option<float?>("--threshold") { Description = "In bảng chi tiết cho ngưỡng này (cả tin nhắn, không cổng)" };
        var rows = new Option<FileInfo?>("--rows") { Description = "Học trên các câu của tệp này (định dạng crisis-training.jsonl) thay vì tệp đi kèm" };
        var words = new Option<int>("--word-ngrams")
        {
            Description = "Cụm từ dài nhất (1…N từ) làm đặc trưng",
            DefaultValueFactory = _ => CrisisFeatures.Shipped.WordNgrams,
        };
        var policy = new Option<string?>("--policy") { Description = "Cách tính in bảng chi tiết (tên một dòng của bảng tổng, ví dụ \"0,80 + câu\")" };
        var tries = new Option<FileInfo?>("--try-gates")
        {
            Description = "Thử các cổng của tệp này (định dạng crisis-gates.yaml): mỗi cổng thêm vào cách tính của gói (thay cổng cùng số đầu)",
        };
        var verbose = new Option<bool>("--verbose") { Description = "In từng câu mô hình thêm đúng, sai số hoặc báo nhầm ở ngưỡng đã chọn" };
        var command = new Command("crisis-eval", "Kiểm định chéo (bỏ một bộ) mô hình nhận diện khủng hoảng") { files, threshold, policy, rows, words, tries, verbose, PackSource.Pack };
        command.SetAction(async (result, cancellationToken) =>
        {
            var sets = new List<(string, List<EvalQuestion>)>();
            foreach (var file in result.GetValue(files)!)
            {
                var name = Path.GetFileNameWithoutExtension(file.Name);
                sets.Add((name.StartsWith("set-", StringComparison.Ordinal) ? name[4..] : name, await EvalQuestion.ReadAsync(file.FullName, cancellationToken)));
            }

            var pack = await ContentPackReader.ReadAsync(result.GetValue(PackSource.Pack)!, cancellationToken);
            var training = result.GetValue(rows) is { } file2
                ? CrisisClassifier.Read(await File.ReadAllTextAsync(file2.FullName, cancellationToken))
                : CrisisClassifier.ReadShipped();
            var shipped = CrisisPolicy.Of(pack.Crisis);
            var tried = result.GetValue(tries) is { } triesFile
                ? ContentPackReader.ReadGates(await File.ReadAllTextAsync(triesFile.FullName, cancellationToken), pack.Crisis.Groups, triesFile.Name)
                : [];
            var policies = CrisisLearning.Policies(result.GetValue(threshold) ?? CrisisClassifier.DefaultThreshold, shipped, tried);
            var plain = result.GetValue(threshold) is { } t ? new CrisisPolicy(t, [], false) : shipped;
            var chosen = result.GetValue(policy) is { Length: > 0 } named ? named : policies.First(p => p.Policy.DecidesAs(plain)).Name;
            if (!policies.Any(p => p.Name == chosen))
            {
                Console.Error.WriteLine($"Không có cách tính \"{chosen}\". Có: {string.Join("; ", policies.Select(p => p.Name))}");
                return 2;
            }

            var features = CrisisFeatures.Shipped with { WordNgrams = result.GetValue(words) };
            var cases = result.GetValue(verbose) ? new List<CrisisLearning.Case>() : null;
            var folds = CrisisLearning.CrossValidate(pack, training, sets, policies, features, Console.Error.WriteLine, chosen, cases);
            Console.Write(CrisisLearning.Format(folds, chosen));
            foreach (var c in cases ?? [])
            {
                Console.WriteLine(string.Create(CultureInfo.GetCultureInfo("vi-VN"),
                    $"{c.Set}/{c.Id}: {c.Kind}, cần {c.Expected ?? "không"}, mô hình {c.Learned} ({c.Probability:0.00}): {c.Text}"));
            }

            return 0;
        });
        return command;
    }
}
