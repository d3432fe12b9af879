using System.Runtime.CompilerServices;

namespace Outreach.Bot.Tests.Channels.Messenger;

/// <summary>The recorded platform samples beside this file (TestData/README.md says where each comes from), byte for byte.</summary>
internal static class TestData
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    private static string PathOf(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "TestData", name);
}
