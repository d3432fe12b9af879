namespace Outreach.Emulators.Common;

/// <summary>A fault an emulator injects into the next matching request instead of (or before) answering it normally.</summary>
public sealed record Fault
{
    /// <summary>Answer with this status and body (a platform error shape, a 429, a 5xx…).</summary>
    public int? Status { get; init; }

    public string? Body { get; init; }

    /// <summary>Extra response headers (Retry-After, usage headers…).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long before answering (or before the normal answer when <see cref="Status"/> is null): timeouts.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Close the connection without an answer.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Only requests whose path contains this are affected (null: any request).</summary>
    public string? PathContains { get; init; }
}
