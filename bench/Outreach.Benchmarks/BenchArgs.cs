using System.Globalization;

namespace Outreach.Benchmarks;

/// <summary>The scenarios' command-line options: <c>--name value</c>, with a default when absent.</summary>
internal static class BenchArgs
{
    public static string Text(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public static int Int(string[] args, string name, int fallback) =>
        int.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary>A comma-separated list of whole numbers ("1,8,32").</summary>
    public static List<int> Ints(string[] args, string name, string fallback) =>
        Text(args, name, fallback).Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
}
