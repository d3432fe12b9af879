using Microsoft.Playwright;

namespace Outreach.EndToEnd;

/// <summary>Saves full-page screenshots of a journey, numbered in order, under TestResults/screenshots/&lt;journey&gt;/ at the repository
/// root (gitignored).</summary>
public sealed class Screenshots(string journey)
{
    private int _count;

    public string Folder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots", journey);

    public async Task TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{++_count:D2}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    // The folder holding Outreach.sln, above the test's output folder.
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outreach.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
