using System.Diagnostics;
using System.Globalization;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Benchmarks;

/// <summary>
/// <c>match [--entries 1000] [--rounds 200]</c>: the answer engine's latency per question (p50, p99, max) over a pack of
/// that many entries, every eval question asked <c>rounds</c> times after a warm-up; plus the index build time.
/// </summary>
public sealed class MatchingLatencyScenario : ILoadScenario
{
    public string Name => "match";

    public string Description => "answer-engine latency p50/p99 over a 1,000-entry pack";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var entries = BenchArgs.Int(args, "--entries", 1000);
        var rounds = BenchArgs.Int(args, "--rounds", 200);
        var pack = await MatchingPack.BuildAsync(entries);
        var questions = MatchingPack.Questions();
        var today = new DateOnly(2026, 6, 1);

        var build = Stopwatch.StartNew();
        var snapshot = KnowledgeSnapshot.Build(pack);
        build.Stop();

        foreach (var question in questions)
        {
            AnswerEngine.Decide(snapshot, new AnswerRequest(question, "tinh-3", today));
        }

        var samples = new List<double>(questions.Count * rounds);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            foreach (var question in questions)
            {
                var start = Stopwatch.GetTimestamp();
                AnswerEngine.Decide(snapshot, new AnswerRequest(question, "tinh-3", today));
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / samples.Count;
        samples.Sort();
        var classifier = Outreach.Content.Alerts.CrisisClassifier.Shipped;
        var predict = Stopwatch.StartNew();
        foreach (var question in questions)
        {
            classifier.Predict(question);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Crisis classifier: trained on {classifier.Examples} rows in {classifier.TrainingTime.TotalMilliseconds:0} ms (in the background from the snapshot build; the warm-up waited for it), {predict.Elapsed.TotalMicroseconds / questions.Count:0} µs per message."));
        Console.WriteLine("| entries | questions × rounds | index build | p50 | p99 | max | allocated per question |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {pack.Entries.Count} | {questions.Count} × {rounds} | {build.Elapsed.TotalMilliseconds:0} ms | {Percentile(samples, 0.50):0} µs | {Percentile(samples, 0.99):0} µs | {samples[^1]:0} µs | {allocated / 1024.0:0.0} KiB |"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

}
