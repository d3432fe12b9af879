using Outreach.Bot.Hosting;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// What a journey runs against: its own database (and a <see cref="Seed"/> on it), the platform emulators it talks to, the
/// gateway, and Debian's chromium on the gateway. Disposed in the reverse order they started; a start that failed half way
/// disposes only what had started.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    private readonly Stack<IAsyncDisposable> _parts = new();
    private OutreachHost? _host;
    private SystemChromium? _chromium;

    private Journey(TestDatabase database)
    {
        Database = database;
        Seed = new Seed(database);
        _parts.Push(database);
    }

    public TestDatabase Database { get; }

    public Seed Seed { get; }

    public OutreachHost Host => _host ?? throw new InvalidOperationException("The journey's gateway has not started.");

    public SystemChromium Chromium => _chromium ?? throw new InvalidOperationException("The journey has no browser.");

    public static async Task<Journey> OpenAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new Journey(await server.CreateDatabaseAsync(cancellationToken));
    }

    /// <summary>A part the gateway talks to (an emulator), stopped after the gateway.</summary>
    public async Task<T> AddAsync<T>(Task<T> starting)
        where T : IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(starting);
        var part = await starting;
        _parts.Push(part);
        return part;
    }

    /// <summary>The gateway with <paramref name="settings"/> (see <see cref="TestHost"/>), then chromium on it.</summary>
    /// <param name="locale">The browser's language; null for no browser (a journey that opens its own).</param>
    public async Task StartAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken, string? locale = "vi-VN")
    {
        _host = await TestHost.StartAsync(Database, settings, cancellationToken: cancellationToken);
        _parts.Push(_host);
        if (locale is not null)
        {
            _chromium = await SystemChromium.LaunchAsync(_host.BaseAddress, locale);
            _parts.Push(_chromium);
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_parts.TryPop(out var part))
        {
            await part.DisposeAsync();
        }
    }
}
