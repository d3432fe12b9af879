namespace Outreach.Benchmarks;

/// <summary>
/// A whole-system measurement (real gateway, real PostgreSQL, emulators over loopback) run as
/// <c>dotnet run -c Release --project bench/Outreach.Benchmarks -- &lt;name&gt; [options]</c>.
/// Micro-benchmarks are ordinary BenchmarkDotNet classes in this project instead.
/// </summary>
public interface ILoadScenario
{
    /// <summary>The command-line name, e.g. "ingest".</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Description { get; }

    /// <summary>Runs the scenario and prints its figures (Markdown table rows for bench/README.md).</summary>
    Task RunAsync(string[] args, CancellationToken cancellationToken);
}
