namespace Outreach.Emulators.Zalo;

/// <summary>The doc's sample payloads (Zalo/Samples, copied next to the test assemblies), read as the exact bytes stored.</summary>
public static class ZaloSamples
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Zalo", "Samples");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>All sample file names starting with <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> Named(string prefix) =>
        System.IO.Directory.GetFiles(Directory, prefix + "*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
}
