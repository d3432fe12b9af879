using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Outreach.Bot.Health;

/// <summary>Healthy when Hangfire's storage answers and at least one Hangfire server has sent a heartbeat recently.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatTolerance = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var servers = storage.GetMonitoringApi().Servers();
            var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < HeartbeatTolerance);
            var data = new Dictionary<string, object> { ["servers"] = alive };
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"{alive} máy chủ Hangfire đang chạy", data)
                : HealthCheckResult.Unhealthy("Không có máy chủ Hangfire nào đang chạy", data: data));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any storage failure is the answer of the check, not an error of the endpoint.
            return Task.FromResult(HealthCheckResult.Unhealthy("Kho Hangfire không trả lời", ex));
        }
    }
}
