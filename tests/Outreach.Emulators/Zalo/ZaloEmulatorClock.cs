namespace Outreach.Emulators.Zalo;

/// <summary>The emulator's clock: real time plus a settable offset, so a test can jump past the 7-day window or a token's expiry.</summary>
public sealed class ZaloEmulatorClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - base.GetUtcNow()).Ticks);
}
