using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Outreach.Scheduler.Hosting;

/// <summary>
/// Hangfire's log provider is process-wide (a static), but the logger factory behind it belongs to one host. When a process
/// runs several hosts one after another (the tests do), a disposed host's factory would make every later job creation throw
/// ObjectDisposedException. This provider forwards to the host's factory and goes quiet once that factory is gone.
/// </summary>
internal sealed class HostBoundLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new Guarded(null);
        }
    }

    private sealed class Guarded(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                // The host that owned the logger factory has stopped; another host in this process is still running.
                return false;
            }
        }
    }
}
