using System.Globalization;

namespace Outreach.Bot.Tests.EndToEnd;

/// <summary>A temporary copy of the shipped pack with one upcoming screening day (the shipped pack has none: they are local).</summary>
internal static class PackCopy
{
    public static readonly DateOnly ScreeningDay = DateOnly.FromDateTime(DateTime.UnixEpoch).AddYears(100);

    public static string Create()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "ContentPacks", "pack");
        var target = Directory.CreateTempSubdirectory("outreach-pack-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var path = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(file, path);
        }

        var day = ScreeningDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(target, "screenings.yaml"), $"""
            - {"{"} date: {day}, place: Trạm y tế xã Tân Hưng, commune: Tân Hưng, who: "Phụ nữ 35–60 tuổi" {"}"}
            - {"{"} date: 2020-01-10, place: Đã qua - Trạm y tế xã Tân Hưng, commune: Tân Hưng {"}"}
            """);
        return target;
    }
}
