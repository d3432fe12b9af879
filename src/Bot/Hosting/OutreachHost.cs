using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Outreach.Content.Storage;

namespace Outreach.Bot.Hosting;

/// <summary>
/// The running gateway: the web application plus, when no database is configured, the private PostgreSQL cluster it started.
/// Program.cs runs it until shutdown; tests start it on a loopback port with their own configuration.
/// </summary>
public sealed class OutreachHost : IAsyncDisposable
{
    private readonly LocalPostgres? _cluster;

    private OutreachHost(WebApplication app, LocalPostgres? cluster)
    {
        App = app;
        _cluster = cluster;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The first address Kestrel listens on (the real port when configured with port 0).</summary>
    public Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>
    /// Builds and starts the gateway. Configuration comes from <paramref name="args"/> (and the usual sources);
    /// <paramref name="configure"/> runs after the gateway's registrations, so a test can replace services.
    /// </summary>
    public static async Task<OutreachHost> StartAsync(
        string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        ListenAddresses.Validate(builder.Configuration);
        var cluster = await PrivatePostgres.StartIfUnconfiguredAsync(builder.Configuration, cancellationToken);
        try
        {
            builder.AddOutreachBot();
            configure?.Invoke(builder);
            var app = builder.Build();
            await DatabasePreparation.PrepareAsync(app.Services, cancellationToken);
            app.MapOutreachBot();
            await app.StartAsync(cancellationToken);
            return new OutreachHost(app, cluster);
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Runs the gateway until Ctrl+C or SIGTERM. A start-up failure becomes one clear message on stderr and exit code 1.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        OutreachHost host;
        try
        {
            host = await StartAsync(args);
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return 1;
        }

        await using (host)
        {
            await host.App.WaitForShutdownAsync();
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
