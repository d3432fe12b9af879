using System.CommandLine;
using Outreach.Content.ContentPacks;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Cli;

/// <summary>The options every command shares: which pack to read and which province to answer for.</summary>
internal static class PackSource
{
    /// <summary>The pack shipped next to the CLI (src/Content/ContentPacks/pack, copied at build).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "ContentPacks", "pack");

    public static readonly Option<string> Pack = new("--pack")
    {
        Description = "Thư mục nội dung (mặc định: gói nội dung đi kèm)",
        DefaultValueFactory = _ => DefaultDirectory,
    };

    public static readonly Option<string?> Province = new("--province")
    {
        Description = "Mã tỉnh (mã đơn vị Hội cấp tỉnh) để dùng nội dung riêng của tỉnh, ví dụ binh-phuoc",
    };

    /// <summary>The pack as the bot would see it, read straight from the files (no database needed).</summary>
    public static async Task<KnowledgeSnapshot> LoadAsync(string directory, CancellationToken cancellationToken) =>
        KnowledgeSnapshot.Build(await ContentPackReader.ReadAsync(directory, cancellationToken));
}
