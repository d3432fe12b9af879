using System.Globalization;
using System.IO.Compression;
using System.Text;
using Outreach.Content.ContentPacks;
using Outreach.Content.KnowledgeBase;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace Outreach.Content.Knowledge;

/// <summary>What a unit shares: the knowledge its members get, in the pack's shape (a .zip of the pack's YAML files).</summary>
public sealed record KnowledgeExport(
    IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<Hotline> Hotlines, IReadOnlyList<CommunityAddress> Addresses,
    IReadOnlyList<ScreeningEvent> Screenings, IReadOnlyDictionary<string, IReadOnlyList<string>> CrisisGroups);

/// <summary>
/// Writes an export as a .zip of the pack's files (faq/&lt;topic&gt;.yaml, hotlines.yaml, addresses.yaml, screenings.yaml,
/// texts.yaml, crisis.yaml; see ContentPacks/pack/README.md) and reads one back with the pack's own reader, so an import is
/// checked exactly as the shipped pack is: an unknown field or a broken file refuses the whole file, in Vietnamese.
/// </summary>
public static class KnowledgePackFiles
{
    /// <summary>Largest .zip and largest unpacked text accepted.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithEventEmitter(next => new QuotedText(next))
        .Build();

    private static readonly IDeserializer CrisisReader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static byte[] Write(KnowledgeExport export, string packDirectory)
    {
        ArgumentNullException.ThrowIfNull(export);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var topic in export.Entries.GroupBy(e => e.Topic, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Add(zip, $"faq/{FileName(topic.Key)}.yaml", Yaml.Serialize(topic.Select(ToYaml).ToList()));
            }

            Add(zip, "hotlines.yaml", Yaml.Serialize(export.Hotlines.Select(h => new HotlineYaml
            {
                Number = h.Number, Name = h.Name, Description = h.Description, Hours = h.Hours,
            }).ToList()));
            Add(zip, "addresses.yaml", Yaml.Serialize(export.Addresses.Select(a => new AddressYaml
            {
                Name = a.Name, Commune = a.Commune, Address = a.Address, Phone = a.Phone, OrgUnit = a.OrgUnit,
            }).ToList()));
            Add(zip, "screenings.yaml", Yaml.Serialize(export.Screenings.Select(s => new ScreeningYaml
            {
                Date = Day(s.Date), EndDate = s.EndDate is { } end ? Day(end) : null, Place = s.Place, Commune = s.Commune, OrgUnit = s.OrgUnit,
                Who = s.Who, Note = s.Note,
            }).ToList()));
            Add(zip, "texts.yaml", File.ReadAllText(Path.Combine(packDirectory, "texts.yaml")));
            Add(zip, "crisis.yaml", Crisis(File.ReadAllText(Path.Combine(packDirectory, "crisis.yaml")), export.CrisisGroups));
            // The further crisis-*.yaml files as shipped: merged into crisis.yaml when the .zip is read back.
            foreach (var part in Directory.EnumerateFiles(packDirectory, "crisis-*.yaml").Order(StringComparer.Ordinal))
            {
                Add(zip, Path.GetFileName(part), File.ReadAllText(part));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The pack in a .zip, or a <see cref="ContentPackException"/> saying in Vietnamese why it is refused.</summary>
    public static ContentPack Read(Stream zipFile)
    {
        ArgumentNullException.ThrowIfNull(zipFile);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var zip = new ZipArchive(zipFile, ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith('/')))
            {
                var name = entry.FullName.Replace('\\', '/').TrimStart('/');
                if (name.EndsWith('/'))
                {
                    continue;
                }

                if (!name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.Contains("..", StringComparison.Ordinal))
                {
                    throw new ContentPackException($"Tệp nén có tệp '{name}' không phải .yaml của gói nội dung.");
                }

                total += entry.Length;
                if (total > MaxBytes)
                {
                    throw new ContentPackException("Tệp nén quá lớn (tối đa 20 MB nội dung).");
                }

                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                files[name] = reader.ReadToEnd();
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ContentPackException("Không đọc được tệp: đây không phải tệp .zip của gói nội dung (hoặc tệp bị hỏng).", ex);
        }

        return ContentPackReader.Read(files);
    }

    private static EntryYaml ToYaml(KnowledgeEntry e) => new()
    {
        Id = e.Id, Topic = e.Topic, Title = e.Title, Questions = [.. e.Questions], Keywords = e.Keywords.Count == 0 ? null : [.. e.Keywords],
        Answer = e.Answer, AnswerEn = e.AnswerEnglish, Source = e.Source, ValidFrom = e.ValidFrom is { } from ? Day(from) : null,
        ValidUntil = e.ValidUntil is { } until ? Day(until) : null, Action = e.Action,
        QuickReplies = e.QuickReplies.Count == 0 ? null : e.QuickReplies.Select(q => new QuickReplyYaml
        {
            Title = q.Title, Entry = q.Payload.StartsWith(AnswerPayloads.EntryPrefix, StringComparison.Ordinal) ? q.Payload[AnswerPayloads.EntryPrefix.Length..] : q.Payload,
        }).ToList(),
    };

    // The installation's crisis.yaml with the cue groups staff changed (the rest, replies and frames, as shipped).
    private static string Crisis(string shipped, IReadOnlyDictionary<string, IReadOnlyList<string>> groups)
    {
        var crisis = CrisisReader.Deserialize<CrisisYaml>(shipped);
        var changed = false;
        foreach (var (name, cues) in groups)
        {
            crisis.Groups ??= [];
            if (!crisis.Groups.TryGetValue(name, out var old) || !old.SequenceEqual(cues))
            {
                crisis.Groups[name] = [.. cues];
                changed = true;
            }
        }

        return changed ? Yaml.Serialize(crisis) : shipped;
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static string FileName(string topic)
    {
        var safe = new string(topic.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return safe.Length == 0 ? "khac" : safe;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Text is written double-quoted (plain style cannot hold every answer: a ": " or a "#" inside one breaks the file); keys
    // and simple words stay plain.
    private sealed class QuotedText(IEventEmitter next) : YamlDotNet.Serialization.EventEmitters.ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && !text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            {
                eventInfo.Style = ScalarStyle.DoubleQuoted;
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
