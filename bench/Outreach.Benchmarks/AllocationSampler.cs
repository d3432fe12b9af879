using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Outreach.Benchmarks;

/// <summary>
/// What the process allocates, by type, while it is enabled: the runtime's GC AllocationTick events (one per ~100 KB allocated,
/// naming the type of the object that crossed the mark), in this process through an EventListener (no dotnet-trace needed).
/// A sample: types allocated often or large show in proportion to their bytes.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    /// <summary>The types with the largest sampled share, as "KB per message" lines.</summary>
    public IEnumerable<string> Top(int count, double messages)
    {
        var total = _bytes.Values.Sum();
        yield return string.Create(CultureInfo.InvariantCulture, $"allocations by type (GC AllocationTick samples, {total / 1024.0 / Math.Max(1, messages):F1} KB a message sampled):");
        foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(count))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024.0 / Math.Max(1, messages),7:F2} KB/msg  {bytes * 100.0 / Math.Max(1, total),5:F1}%  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_on || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
        {
            return;
        }

        var typeAt = eventData.PayloadNames.IndexOf("TypeName");
        var amountAt = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (amountAt < 0)
        {
            amountAt = eventData.PayloadNames.IndexOf("AllocationAmount");
        }

        if (typeAt < 0 || amountAt < 0 || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.Payload[typeAt] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[amountAt], CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, n) => n + amount);
    }
}
