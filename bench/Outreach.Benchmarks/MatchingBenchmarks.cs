using BenchmarkDotNet.Attributes;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Text;

namespace Outreach.Benchmarks;

/// <summary>
/// Vietnamese normalisation and the answer engine's decision over a 1,000-entry pack (mean per call over all eval
/// questions). p50/p99 per question come from the "match" scenario (MatchingLatencyScenario).
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private KnowledgeSnapshot _snapshot = null!;
    private IReadOnlyList<string> _questions = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _snapshot = KnowledgeSnapshot.Build(await MatchingPack.BuildAsync(1000));
        _questions = MatchingPack.Questions();
    }

    [Benchmark(OperationsPerInvoke = 126)]
    public int Tokenize()
    {
        var count = 0;
        foreach (var question in _questions)
        {
            count += ChatAbbreviations.Expand(VietnameseText.Tokenize(question)).Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = 126)]
    public int Decide()
    {
        var count = 0;
        foreach (var question in _questions)
        {
            count += AnswerEngine.Decide(_snapshot, new AnswerRequest(question, "tinh-3", Today)).Text.Length;
        }

        return count;
    }
}
