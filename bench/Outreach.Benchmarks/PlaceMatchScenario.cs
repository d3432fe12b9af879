using System.Diagnostics;
using System.Globalization;
using Outreach.Content.Dvhc;
using Outreach.Content.Text;
using Outreach.Content.UnitMatching;

namespace Outreach.Benchmarks;

/// <summary>
/// <c>places [--rounds 3] [--seed 7]</c>: what a member types for her commune against the units of her province. Every
/// province of the 2025 data set becomes a tree of its communes (seeded as ProvinceSeeder does), and every commune is asked
/// for with generated variants: its name with and without diacritics, with abbreviations of its kind, with a typo, and the
/// name of every old commune that went into it (with and without its old district). Prints top-1 and top-3 accuracy per
/// kind of variant, and latency per lookup (p50, p99, max) over all lookups, rounds times.
/// </summary>
public sealed class PlaceMatchScenario : ILoadScenario
{
    public string Name => "places";

    public string Description => "commune/ward matching: top-1 accuracy within the province and latency per lookup";

    public Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rounds = BenchArgs.Int(args, "--rounds", 3);
        var random = new Random(BenchArgs.Int(args, "--seed", 7));
        var data = DvhcData.Load();
        var build = Stopwatch.StartNew();
        var indexes = data.Provinces.ToDictionary(p => p.Code, p => PlaceIndex.Build(
            data.CommunesOf(p.Code).Select(c => new PlaceUnit(long.Parse(c.Code, CultureInfo.InvariantCulture), c.FullName, c.Code, null)).ToList(),
            data, p.Code));
        build.Stop();
        var cases = PlaceVariants.Generate(data, random);

        var results = cases.Select(c => (Case: c, Matches: indexes[c.ProvinceCode].Match(c.Text, 3))).ToList();
        var samples = new List<double>(cases.Count * rounds);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            foreach (var c in cases)
            {
                var index = indexes[c.ProvinceCode];
                var start = Stopwatch.GetTimestamp();
                index.Match(c.Text, 3);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Math.Max(1, samples.Count);
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"34 provinces, {data.Communes.Count} communes, {indexes.Values.Sum(i => i.Count)} names indexed in {build.Elapsed.TotalMilliseconds:0} ms"));
        Console.WriteLine("| variant | lookups | top-1 | top-3 |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Case.Kind).Append(results.GroupBy(_ => "all").Single()))
        {
            var n = group.Count();
            var top1 = group.Count(r => r.Matches.Count > 0 && r.Case.Expected.Contains(r.Matches[0].UnitId));
            var top3 = group.Count(r => r.Matches.Any(m => r.Case.Expected.Contains(m.UnitId)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key} | {n} | {100.0 * top1 / n:0.00}% | {100.0 * top3 / n:0.00}% |"));
        }

        Console.WriteLine();
        Console.WriteLine("| lookups × rounds | p50 | p99 | max | allocated per lookup |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {cases.Count} × {rounds} | {Percentile(samples, 0.50):0} µs | {Percentile(samples, 0.99):0} µs | {samples[^1]:0} µs | {allocated / 1024.0:0.0} KiB |"));
        if (args.Contains("--misses"))
        {
            foreach (var (c, m) in results.Where(r => r.Matches.Count == 0 || !r.Case.Expected.Contains(r.Matches[0].UnitId)).Take(BenchArgs.Int(args, "--misses", 40)))
            {
                Console.WriteLine($"{c.Kind}: '{c.Text}' → {string.Join(" | ", m.Select(x => $"{x.UnitName} {x.Score:0.000} ({x.MatchedName})"))}; expected {string.Join(",", c.Expected)}");
            }
        }

        return Task.CompletedTask;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>One generated lookup: the text, its province, and the units (commune codes as ids) that are right answers.</summary>
internal sealed record PlaceCase(string Kind, string ProvinceCode, string Text, HashSet<long> Expected);

/// <summary>The variants a member types (see <see cref="PlaceMatchScenario"/>).</summary>
internal static class PlaceVariants
{
    public static List<PlaceCase> Generate(DvhcData data, Random random)
    {
        var cases = new List<PlaceCase>();
        foreach (var commune in data.Communes)
        {
            var expected = new HashSet<long> { Id(commune.Code) };
            var folded = VietnameseText.Fold(commune.Name);
            cases.Add(new("official name", commune.ProvinceCode, commune.FullName, expected));
            cases.Add(new("no diacritics", commune.ProvinceCode, VietnameseText.Fold(commune.FullName), expected));
            cases.Add(new("name only, no diacritics", commune.ProvinceCode, folded, expected));
            cases.Add(new("abbreviated kind", commune.ProvinceCode, Abbreviation(commune.Type, random) + commune.Name, expected));
            if (folded.Replace(" ", "", StringComparison.Ordinal).Length >= 5)
            {
                cases.Add(new("typo", commune.ProvinceCode, Typo(folded, random), expected));
            }
        }

        foreach (var old in data.OldUnits.Where(o => o.CommuneName is not null).GroupBy(o => o.CommuneCode))
        {
            var first = old.First();
            var expected = old.Select(o => Id(o.NewCommuneCode)).ToHashSet();
            var name = VietnameseText.Fold($"{first.CommuneType} {first.CommuneName}");
            cases.Add(new("old commune", first.NewProvinceCode, name, expected));
            cases.Add(new("old commune + district", first.NewProvinceCode, $"{name} {VietnameseText.Fold(first.DistrictName)}", expected));
        }

        return cases;
    }

    private static long Id(string code) => long.Parse(code, CultureInfo.InvariantCulture);

    private static string Abbreviation(string type, Random random) => type switch
    {
        "phường" => random.Next(3) switch { 0 => "P. ", 1 => "p.", _ => "F " },
        "xã" => random.Next(2) == 0 ? "X. " : "x ",
        _ => "ĐK ",
    };

    // One letter wrong, missing, doubled or swapped with its neighbour, on the accent-folded name.
    private static string Typo(string folded, Random random)
    {
        var letters = Enumerable.Range(0, folded.Length).Where(i => folded[i] != ' ').ToList();
        var at = letters[random.Next(letters.Count)];
        return random.Next(4) switch
        {
            0 => folded.Remove(at, 1).Insert(at, ((char)('a' + random.Next(26))).ToString()),
            1 => folded.Remove(at, 1),
            2 => folded.Insert(at, folded[at].ToString()),
            _ => at + 1 < folded.Length && folded[at + 1] != ' '
                ? string.Concat(folded.AsSpan(0, at), folded[at + 1].ToString(), folded[at].ToString(), folded.AsSpan(at + 2))
                : folded.Remove(at, 1),
        };
    }
}
