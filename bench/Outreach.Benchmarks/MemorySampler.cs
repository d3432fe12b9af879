using System.Diagnostics;

namespace Outreach.Benchmarks;

/// <summary>Samples this process's working set and managed heap every 100 ms and keeps the peaks.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peakWorkingSet;
    private long _peakManaged;

    public MemorySampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public long PeakManaged => Interlocked.Read(ref _peakManaged);

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        Max(ref _peakWorkingSet, process.WorkingSet64);
        Max(ref _peakManaged, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Max(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
