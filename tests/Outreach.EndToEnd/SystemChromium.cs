using Microsoft.Playwright;

namespace Outreach.EndToEnd;

/// <summary>
/// Debian's chromium (/usr/bin/chromium), driven by Playwright .NET: never a browser Playwright downloads. Headless, without
/// the sandbox (tests run as root), and without the background traffic the closed network refuses; a fresh profile each time.
/// </summary>
public sealed class SystemChromium : IAsyncDisposable
{
    /// <summary>Where Debian installs it; OUTREACH_CHROMIUM overrides it.</summary>
    public static readonly string ExecutablePath =
        Environment.GetEnvironmentVariable("OUTREACH_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private SystemChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    /// <param name="locale">The browser's language (an English one shows whether a page follows it where it must not).</param>
    public static async Task<SystemChromium> LaunchAsync(Uri baseAddress, string locale = "vi-VN")
    {
        Assert.True(
            File.Exists(ExecutablePath),
            $"Chromium is missing at {ExecutablePath}. `./outreach test` installs it; by hand: apt-get install -y chromium");
        var profile = Directory.CreateTempSubdirectory("outreach-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run",
                ],
                BaseURL = baseAddress.ToString(),
                Locale = locale,
                TimezoneId = "Asia/Ho_Chi_Minh",
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            });
            // Generous waits: the whole suite runs its projects side by side on two cores, where a host's first page (JIT, Razor)
            // can take well over 15 s. A wait that runs out still fails the test; these only bound how long it waits.
            context.SetDefaultTimeout(45_000);
            context.SetDefaultNavigationTimeout(90_000);
            return new SystemChromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
