using System.ComponentModel.DataAnnotations;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>How broadcasts are planned and sent (section <c>Outreach:Broadcasts</c>). Times of day are Asia/Ho_Chi_Minh.</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Outreach:Broadcasts";

    /// <summary>Deliveries per chunk, the unit of work a worker claims (default 500).</summary>
    [Range(10, 100_000)]
    public int ChunkSize { get; set; } = 500;

    /// <summary>Sends in flight per worker (default 32).</summary>
    [Range(1, 512)]
    public int Concurrency { get; set; } = 32;

    /// <summary>
    /// Rows a worker claims per durable commit (default 4 × <see cref="Concurrency"/>): larger batches spend fewer WAL flushes
    /// per message. After a crash at most this plus 3 × Concurrency rows per worker end "unknown".
    /// </summary>
    [Range(1, 5000)]
    public int? ClaimBatchSize { get; set; }

    /// <summary>The claim batch in effect.</summary>
    public int ClaimBatch => ClaimBatchSize ?? 4 * Concurrency;

    /// <summary>Hangfire worker jobs per broadcast (default 4).</summary>
    [Range(1, 64)]
    public int WorkersPerBroadcast { get; set; } = 4;

    /// <summary>Attempts per delivery for transient failures and rate limits (default 4).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// A rate limit asking for at most this wait, in seconds (default 5), is waited out in place; a longer one (Meta 80006/613,
    /// Zalo -32: minutes) puts the account's deliveries back in the queue until then (issue 11.7).
    /// </summary>
    [Range(0, 3600)]
    public int RateLimitWaitInPlaceSeconds { get; set; } = 5;

    public TimeSpan RateLimitWaitInPlace => TimeSpan.FromSeconds(RateLimitWaitInPlaceSeconds);

    /// <summary>
    /// Claims of one delivery after which a platform's rate limit fails it instead of deferring it again (default 20). Claims
    /// put off by this host's own budget (the call never left) do not count.
    /// </summary>
    [Range(1, 1000)]
    public int RateLimitMaxDeferrals { get; set; } = 20;

    /// <summary>A worker's lease on its chunk, in seconds (default 60); a chunk is taken over when it runs out.</summary>
    [Range(2, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>
    /// Messages per second a channel may spend on broadcasts, leaving the rest of the platform's limit to replies; a channel not
    /// named here sends at its profile's rate (Messenger 250, Zalo 50).
    /// </summary>
    public Dictionary<string, double> RatePerSecond { get; set; } = [];

    /// <summary>No promotional sends from this local time… (default 21:00).</summary>
    public TimeOnly QuietFrom { get; set; } = new(21, 0);

    /// <summary>…until this local time (default 07:00).</summary>
    public TimeOnly QuietUntil { get; set; } = new(7, 0);

    /// <summary>Zalo delivers OA messages to followers only in these hours (PLATFORM-ZALO.md §3.4: 06:00–22:00; uncertain, so a setting; read by Zalo's channel profile).</summary>
    public TimeOnly ZaloFrom { get; set; } = new(6, 0);

    public TimeOnly ZaloUntil { get; set; } = new(22, 0);

    /// <summary>Messenger's standard window in hours (default 24; read by Messenger's channel profile).</summary>
    [Range(1, 168)]
    public int MessengerWindowHours { get; set; } = 24;

    /// <summary>Zalo's consultation window in days (default 7; read by Zalo's channel profile): broadcasts use it only when <see cref="ZaloUsePaidWindow"/>.</summary>
    [Range(1, 30)]
    public int ZaloWindowDays { get; set; } = 7;

    /// <summary>Zalo's free consultation window in hours (default 48): broadcasts go only to members who interacted within it.</summary>
    [Range(1, 720)]
    public int ZaloFreeWindowHours { get; set; } = 48;

    /// <summary>Also send broadcasts 48 hours – 7 days after her last interaction, which Zalo bills (default false).</summary>
    public bool ZaloUsePaidWindow { get; set; }

    /// <summary>Zalo broadcasts per member per day (default 1) and per 30 days (default 4): uncertain in the sources, so settings.</summary>
    [Range(1, 100)]
    public int ZaloMaxPerDay { get; set; } = 1;

    [Range(1, 1000)]
    public int ZaloMaxPerMonth { get; set; } = 4;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>
    /// How often a worker retries a claim or a record that failed on a transient database error (an outage, a restart), with
    /// backoff from 250 ms up to 5 s (default 12: about 40 s, inside the default lease). Past that the chunk fails; rows
    /// claimed but never handed to a platform go back to the queue.
    /// </summary>
    [Range(0, 100)]
    public int DatabaseRetries { get; set; } = 12;

    /// <summary>
    /// The workers' claim, outcome and chunk statements run on a data source of their own that prepares them (Npgsql's
    /// automatic preparation, plans made for each execution's values: <see cref="Outreach.Content.Broadcasts.SendingDataSource"/>;
    /// default true, bench/README). Off: they run on the application's data source, unprepared, like every other statement
    /// (for a pooler in transaction mode that does not keep prepared statements).
    /// </summary>
    public bool PrepareStatements { get; set; } = true;
}
