using Microsoft.AspNetCore.Builder;
using Outreach.Bot.Hosting;

namespace Outreach.Testing;

/// <summary>
/// Starts the real gateway on a loopback port against a test database, with quiet logs, a fast Hangfire poll, the web chat on
/// and no per-address sign-in limit (settings given by a test win).
/// </summary>
public static class TestHost
{
    public static Task<OutreachHost> StartAsync(
        TestDatabase database,
        IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Outreach"] = database.ConnectionString,
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",

            // Every test database starts with an empty key ring: its "key stored unencrypted" warning says nothing here.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            ["Outreach:Scheduler:QueuePollIntervalMs"] = "200",
            ["Outreach:Scheduler:WorkerCount"] = "4",
            ["Outreach:Scheduler:SchedulePollingIntervalMs"] = "300",

            // Tests talk to members through /webchat (off by default outside Development) and sign many staff in from one
            // address; the tests of those protections set their own values.
            ["Outreach:WebChat:Enabled"] = "true",
            ["Outreach:Staff:SignIn:AttemptsPerAddress"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // Settings travel as command-line arguments: they must be visible before the build (the private-cluster check reads them).
        var args = values.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        return OutreachHost.StartAsync(
            args,
            configure,
            cancellationToken);
    }

    /// <summary>
    /// No quiet hours and Zalo's delivery hours all day, added to <paramref name="settings"/> (and returned): for tests whose
    /// "send now" must send at whatever hour the test runs.
    /// </summary>
    public static IDictionary<string, string?> AtAnyHour(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Outreach:Broadcasts:QuietFrom"] = "00:00";
        settings["Outreach:Broadcasts:QuietUntil"] = "00:00";
        settings["Outreach:Broadcasts:ZaloFrom"] = "00:00";
        settings["Outreach:Broadcasts:ZaloUntil"] = "23:59";
        return settings;
    }

    /// <summary>
    /// <paramref name="settings"/> plus no Hangfire server, for tests that enqueue no job: fewer hosts in the process run
    /// Hangfire (whose statics the hosts of a test run share), and the host starts and stops faster.
    /// </summary>
    public static Dictionary<string, string?> WithoutJobServer(IDictionary<string, string?>? settings = null) =>
        new(settings ?? new Dictionary<string, string?>()) { ["Outreach:Scheduler:RunServer"] = "false" };
}
