using System.Reflection;
using BenchmarkDotNet.Running;
using Outreach.Benchmarks;

// "<scenario> [options]" runs a load scenario; anything else goes to BenchmarkDotNet (e.g. --filter "*Matcher*").
var scenarios = typeof(ILoadScenario).Assembly.GetTypes()
    .Where(t => typeof(ILoadScenario).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
    .Select(t => (ILoadScenario)Activator.CreateInstance(t)!)
    .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length > 0 && scenarios.TryGetValue(args[0], out var scenario))
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    await scenario.RunAsync(args[1..], cancel.Token);
    return 0;
}

if (args.Length == 0)
{
    Console.WriteLine("Load scenarios:");
    foreach (var s in scenarios.Values.OrderBy(s => s.Name))
    {
        Console.WriteLine($"  {s.Name,-12} {s.Description}");
    }

    Console.WriteLine("Micro-benchmarks: --filter <pattern> (BenchmarkDotNet)");
    return 0;
}

BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
return 0;
