using System.Text.Json;
using Outreach.Content.ContentPacks;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Benchmarks;

/// <summary>
/// A pack of about 1,000 entries for the matching benchmarks: the shipped national entries plus a full set of province
/// overrides for each of 16 provinces (what a multi-province deployment would load), and the eval questions as queries.
/// </summary>
internal static class MatchingPack
{
    public static async Task<ContentPack> BuildAsync(int targetEntries)
    {
        var shipped = await ContentPackReader.ReadAsync(Path.Combine(AppContext.BaseDirectory, "ContentPacks", "pack"), CancellationToken.None);
        var national = shipped.Entries.Where(e => e.Province is null).ToList();
        var entries = new List<KnowledgeEntry>(shipped.Entries);
        for (var province = 1; entries.Count < targetEntries; province++)
        {
            entries.AddRange(national.Take(targetEntries - entries.Count).Select(e => e with
            {
                Province = $"tinh-{province}",
                Questions = [.. e.Questions.Reverse()],
                Answer = e.Answer + $" (tỉnh {province})",
            }));
        }

        return shipped with { Entries = entries };
    }

    /// <summary>The dev and held-out eval questions (tests/Outreach.Cli.Tests/TestData).</summary>
    public static IReadOnlyList<string> Questions()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Outreach.sln")))
        {
            directory = directory.Parent;
        }

        var data = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository."), "tests", "Outreach.Cli.Tests", "TestData");
        return Directory.EnumerateFiles(data, "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("q").GetString()!)
            .ToList();
    }
}
