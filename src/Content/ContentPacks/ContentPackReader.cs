using System.Globalization;
using System.Security.Cryptography;
using Outreach.Content.Alerts;
using Outreach.Content.KnowledgeBase;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Outreach.Content.ContentPacks;

/// <summary>
/// Reads a pack folder (see ContentPacks/pack/README.md) into a <see cref="ContentPack"/>. Every problem is a
/// <see cref="ContentPackException"/> naming the file and line, and nothing is half-read: a bad pack is refused whole.
/// </summary>
public static partial class ContentPackReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static async Task<ContentPack> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new ContentPackException($"Không tìm thấy thư mục nội dung: {directory}");
        }

        return Read(await LoadFilesAsync(directory, cancellationToken));
    }

    /// <summary>A pack from its files' text by relative path ("faq/vay-von.yaml", "texts.yaml"…): an export being imported.</summary>
    internal static ContentPack Read(SortedDictionary<string, string> files)
    {
        var entries = new List<KnowledgeEntry>();
        var hotlines = new List<Hotline>();
        var addresses = new List<CommunityAddress>();
        var screenings = new List<ScreeningEvent>();
        foreach (var (scope, province) in Scopes(files))
        {
            foreach (var path in files.Keys.Where(p => p.StartsWith(scope + "faq/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                entries.AddRange(Parse<List<EntryYaml>>(files, path).Select(e => PackValidation.ToEntry(e, province, path)));
            }

            hotlines.AddRange(ParseOptional<HotlineYaml>(files, scope + "hotlines.yaml")
                .Select(h => PackValidation.ToHotline(h, province, scope)));
            addresses.AddRange(ParseOptional<AddressYaml>(files, scope + "addresses.yaml")
                .Select(a => PackValidation.ToAddress(a, province, scope)));
            screenings.AddRange(ParseOptional<ScreeningYaml>(files, scope + "screenings.yaml")
                .Select(s => PackValidation.ToScreening(s, province, scope)));
        }

        PackValidation.CheckUniqueIds(entries);
        var texts = PackValidation.ToTexts(Parse<Dictionary<string, object>>(files, "texts.yaml"));
        var crisis = PackValidation.ToCrisis(ReadCrisis(files));
        crisis = crisis with { Gates = ReadGates(files, crisis.Groups) };
        return new ContentPack(Hash(files), entries, hotlines, addresses, screenings, texts, crisis);
    }

    /// <summary>The hash <see cref="ReadAsync"/> would give, without parsing: a cheap "did the files change?".</summary>
    public static async Task<string> HashAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return Directory.Exists(directory) ? Hash(await LoadFilesAsync(directory, cancellationToken)) : "";
    }

    private static async Task<SortedDictionary<string, string>> LoadFilesAsync(string directory, CancellationToken cancellationToken)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            files[relative] = await File.ReadAllTextAsync(path, cancellationToken);
        }

        return files;
    }

    // The national scope ("") and one per provinces/<code>/ folder.
    private static IEnumerable<(string Scope, string? Province)> Scopes(SortedDictionary<string, string> files)
    {
        yield return ("", null);
        var provinces = files.Keys
            .Where(p => p.StartsWith("provinces/", StringComparison.Ordinal))
            .Select(p => p.Split('/')[1])
            .Distinct(StringComparer.Ordinal);
        foreach (var code in provinces)
        {
            yield return ($"provinces/{code}/", code);
        }
    }

    private static List<T> ParseOptional<T>(SortedDictionary<string, string> files, string path) =>
        files.ContainsKey(path) ? Parse<List<T>>(files, path) : [];

    // name: what an error calls the file (its path unless it was read from elsewhere).
    private static T Parse<T>(SortedDictionary<string, string> files, string path, string? name = null)
        where T : new()
    {
        if (!files.TryGetValue(path, out var text))
        {
            throw new ContentPackException($"Thiếu tệp {path} trong thư mục nội dung.");
        }

        try
        {
            return Yaml.Deserialize<T>(text) ?? new T();
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException ?? ex).Message;
            var reason = UnknownField().Match(message) is { Success: true } unknown
                ? $"trường '{unknown.Groups[1].Value}' không có trong định dạng gói nội dung"
                : DuplicateKey().Match(message) is { Success: true } duplicate
                    ? $"tên '{duplicate.Groups[1].Value.Trim()}' có hai lần trong cùng một mục; gộp chúng làm một (chỉ lần sau được đọc)"
                    : message;
            throw new ContentPackException($"Tệp {name ?? path}, dòng {ex.Start.Line.ToString(CultureInfo.InvariantCulture)}: không đọc được ({reason}).", ex);
        }
    }

    private static string Hash(SortedDictionary<string, string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n" + text + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // YamlDotNet's words for a key no property matches: said in Vietnamese.
    [System.Text.RegularExpressions.GeneratedRegex("Property '([^']*)' not found on type")]
    private static partial System.Text.RegularExpressions.Regex UnknownField();

    [System.Text.RegularExpressions.GeneratedRegex("[Dd]uplicate key:? *'?([^'\\r\\n]*)'?")]
    private static partial System.Text.RegularExpressions.Regex DuplicateKey();
}
