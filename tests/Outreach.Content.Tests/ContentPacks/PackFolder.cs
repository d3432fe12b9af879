using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.ContentPacks;

/// <summary>A copy of the shipped pack in a temporary folder, for tests that edit or break files. Deleted on dispose.</summary>
internal sealed class PackFolder : IDisposable
{
    public PackFolder()
    {
        Path = Directory.CreateTempSubdirectory("outreach-pack-").FullName;
        foreach (var file in Directory.EnumerateFiles(Packs.ShippedDirectory, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(Packs.ShippedDirectory, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; }

    public void Write(string relativePath, string text)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
