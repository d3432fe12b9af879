using System.Runtime.CompilerServices;

namespace Outreach.Emulators.Tests.Messenger;

/// <summary>The recorded platform samples beside this file (read from the source tree, byte for byte).</summary>
internal static class TestData
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    private static string PathOf(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "TestData", name);
}
