using System.Globalization;
using CsvHelper;

namespace Outreach.Content.Dvhc;

/// <summary>
/// Vietnam's administrative units after the 2025 reform (34 provinces, 3,321 communes and wards) and the mapping from every
/// old commune, read once from the CSVs embedded in this assembly (Dvhc/Data, with their sources and licences).
/// </summary>
public sealed class DvhcData
{
    private static readonly Lazy<DvhcData> Shared = new(Read);

    private readonly Dictionary<string, DvhcProvince> _provinces;
    private readonly Dictionary<string, DvhcCommune> _communes;
    private readonly ILookup<string, DvhcCommune> _communesByProvince;
    private readonly ILookup<string, DvhcOldUnit> _oldByNewProvince;

    private DvhcData(List<DvhcProvince> provinces, List<DvhcCommune> communes, List<DvhcOldUnit> oldUnits)
    {
        Provinces = provinces;
        Communes = communes;
        OldUnits = oldUnits;
        _provinces = provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
        _communes = communes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _communesByProvince = communes.ToLookup(c => c.ProvinceCode, StringComparer.Ordinal);
        _oldByNewProvince = oldUnits.ToLookup(o => o.NewProvinceCode, StringComparer.Ordinal);
    }

    public IReadOnlyList<DvhcProvince> Provinces { get; }

    public IReadOnlyList<DvhcCommune> Communes { get; }

    public IReadOnlyList<DvhcOldUnit> OldUnits { get; }

    /// <summary>The data set (parsed on first use, then shared).</summary>
    public static DvhcData Load() => Shared.Value;

    public DvhcProvince? Province(string code) => _provinces.GetValueOrDefault(code);

    public DvhcCommune? Commune(string code) => _communes.GetValueOrDefault(code);

    /// <summary>The communes, wards and special zones of a province, by code.</summary>
    public IReadOnlyList<DvhcCommune> CommunesOf(string provinceCode) => _communesByProvince[provinceCode].ToList();

    /// <summary>The old units (of any old province) whose land went to communes of this new province.</summary>
    public IReadOnlyList<DvhcOldUnit> OldUnitsOf(string provinceCode) => _oldByNewProvince[provinceCode].ToList();

    internal static string Capitalize(string type) =>
        type.Length == 0 ? type : string.Concat(char.ToUpper(type[0], CultureInfo.GetCultureInfo("vi-VN")).ToString(), type.AsSpan(1));

    private static DvhcData Read() => new(
        ReadCsv("provinces.csv", row => new DvhcProvince(row("code"), row("name"), row("type"))),
        ReadCsv("communes.csv", row => new DvhcCommune(row("code"), row("name"), row("type"), row("province_code"))),
        ReadCsv("old_to_new.csv", row => new DvhcOldUnit(
            row("old_province_code"), row("old_province_name"), row("old_district_code"), row("old_district_type"), row("old_district_name"),
            Empty(row("old_commune_code")), Empty(row("old_commune_type")), Empty(row("old_commune_name")), Empty(row("old_commune_other_name")),
            row("new_commune_code"), row("new_province_code"), row("part") == "partial", row("confidence") == "low")));

    private static List<T> ReadCsv<T>(string file, Func<Func<string, string>, T> map)
    {
        using var stream = typeof(DvhcData).Assembly.GetManifestResourceStream($"Outreach.Content.Dvhc.Data.{file}")
            ?? throw new InvalidOperationException($"The embedded file Dvhc/Data/{file} is missing from the build.");
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true }, false);
        var rows = new List<T>();
        foreach (var row in csv)
        {
            var fields = new Dictionary<string, string>(row.FieldCount, StringComparer.Ordinal);
            for (var i = 0; i < row.FieldCount; i++)
            {
                fields[Header(csv, i)] = row.GetString(i);
            }

            rows.Add(map(name => fields[name]));
        }

        return rows;
    }

    private static string Header(CsvReader csv, int index) => csv.Headers[index];

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
