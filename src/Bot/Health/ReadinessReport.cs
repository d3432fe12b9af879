using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Outreach.Bot.Health;

/// <summary>
/// The readiness checks' last report, reused for <see cref="HealthOptions.ReadyCacheSeconds"/>: anonymous callers cannot make
/// the gateway query its database faster than that. Concurrent callers of an expired report wait for one run of the checks.
/// </summary>
internal sealed class ReadinessReport(HealthCheckService checks, IOptions<HealthOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (HealthReport Report, DateTimeOffset At)? _last;

    public async Task<HealthReport> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } report)
        {
            return report;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshed)
            {
                return refreshed;
            }

            // Not the caller's token: one caller hanging up must not fail the run the others wait for.
            var fresh = await checks.CheckHealthAsync(CancellationToken.None);
            _last = (fresh, time.GetUtcNow());
            return fresh;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private HealthReport? Fresh() =>
        _last is { } last && time.GetUtcNow() - last.At < TimeSpan.FromSeconds(options.Value.ReadyCacheSeconds) ? last.Report : null;
}
