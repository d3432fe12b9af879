namespace Outreach.Testing;

/// <summary>
/// A copy of the shipped content pack (src/Content/ContentPacks/pack, copied next to every test assembly) in a temporary
/// folder, for tests that add, change or break pack files. Deleted on dispose.
/// </summary>
public sealed class ContentPackCopy : IDisposable
{
    public ContentPackCopy()
    {
        Path = Directory.CreateTempSubdirectory("outreach-pack-").FullName;
        foreach (var file in Directory.EnumerateFiles(ShippedDirectory, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(ShippedDirectory, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The pack as built into the test's output folder.</summary>
    public static string ShippedDirectory => System.IO.Path.Combine(AppContext.BaseDirectory, "ContentPacks", "pack");

    public string Path { get; }

    /// <summary>Writes (or replaces) one pack file.</summary>
    public void Write(string relativePath, string text)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
