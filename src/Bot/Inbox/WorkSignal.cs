namespace Outreach.Bot.Inbox;

/// <summary>Wakes a waiting worker at once when new work was stored in this process; the poll interval covers other processes.</summary>
public class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _pulses = new(0, int.MaxValue);

    public void Pulse() => _pulses.Release();

    /// <summary>Waits for a pulse or until <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _pulses.WaitAsync(timeout, cancellationToken);
    }

    public void Dispose()
    {
        _pulses.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Pulsed when webhook events were stored.</summary>
public sealed class InboxSignal : WorkSignal;

/// <summary>Pulsed when outbound messages were recorded.</summary>
public sealed class OutboxSignal : WorkSignal;
