using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Outreach.Emulators.Common;

/// <summary>
/// The loopback server under every platform emulator (shape of Npgsql's PgPostmasterMock): starts on 127.0.0.1 port 0,
/// records every request, and injects queued faults before the platform's own handlers run.
/// </summary>
public abstract class EmulatorServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _received = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();
    private WebApplication? _app;

    /// <summary>Where the emulator listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    private long _count;

    /// <summary>Everything received so far, in arrival order (empty when <see cref="KeepRequests"/> is off).</summary>
    public IReadOnlyList<RecordedRequest> Received => _received.ToArray();

    /// <summary>How many requests were received, kept or not.</summary>
    public long ReceivedCount => Interlocked.Read(ref _count);

    /// <summary>Keep every request for assertions (default). Benchmarks sending millions turn it off and read <see cref="ReceivedCount"/>.</summary>
    public bool KeepRequests { get; set; } = true;

    /// <summary>Queues a fault for the next matching request (faults are used in the order queued).</summary>
    public void Inject(Fault fault) => _faults.Enqueue(fault ?? throw new ArgumentNullException(nameof(fault)));

    /// <summary>Waits for a received request that matches (already received ones count), up to <paramref name="timeout"/>.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var seen = 0;
        while (true)
        {
            var all = _received.ToArray();
            for (; seen < all.Length; seen++)
            {
                if (match(all[seen]))
                {
                    return all[seen];
                }
            }

            await _arrivals.Reader.WaitToReadAsync(limit.Token);
            while (_arrivals.Reader.TryRead(out _))
            {
            }
        }
    }

    /// <summary>Builds and starts the server; subclasses map the platform's endpoints in <see cref="MapEndpoints"/>.</summary>
    protected async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(this);
        var app = builder.Build();
        app.Use(RecordAndInjectAsync);
        MapEndpoints(app);
        await app.StartAsync(cancellationToken);
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        _app = app;
    }

    /// <summary>Maps the platform's endpoints (Send API, token endpoint…).</summary>
    protected abstract void MapEndpoints(WebApplication app);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task RecordAndInjectAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;

        var originalBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            if (!await ApplyFaultAsync(context))
            {
                await next(context);
            }
        }
        finally
        {
            captured.Position = 0;
            var responseBody = await new StreamReader(captured).ReadToEndAsync(CancellationToken.None);
            captured.Position = 0;
            context.Response.Body = originalBody;
            if (context.Features.Get<IConnectionLifetimeFeature>() is not { ConnectionClosed.IsCancellationRequested: true })
            {
                await captured.CopyToAsync(originalBody, CancellationToken.None);
            }

            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            var recorded = new RecordedRequest(
                context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body,
                context.Response.StatusCode, responseBody, DateTimeOffset.UtcNow);
            Interlocked.Increment(ref _count);
            if (KeepRequests)
            {
                _received.Enqueue(recorded);
                _arrivals.Writer.TryWrite(recorded);
            }
        }
    }

    private async Task<bool> ApplyFaultAsync(HttpContext context)
    {
        if (!_faults.TryPeek(out var fault) || (fault.PathContains is { } part && !(context.Request.Path.Value ?? "").Contains(part, StringComparison.Ordinal)))
        {
            return false;
        }

        if (!_faults.TryDequeue(out fault))
        {
            return false;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, context.RequestAborted);
        }

        if (fault.DropConnection)
        {
            context.Abort();
            return true;
        }

        if (fault.Status is not { } status)
        {
            return false;
        }

        context.Response.StatusCode = status;
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (fault.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(fault.Body, context.RequestAborted);
        }

        return true;
    }
}
