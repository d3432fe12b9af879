namespace Outreach.Content.Dvhc;

/// <summary>A province or centrally-run city since 1 July 2025: <c>75</c>, <c>Đồng Nai</c>, <c>thành phố</c>.</summary>
public sealed record DvhcProvince(string Code, string Name, string Type)
{
    /// <summary>"Thành phố Đồng Nai", "Tỉnh Bắc Ninh".</summary>
    public string FullName => DvhcData.Capitalize(Type) + " " + Name;
}

/// <summary>A commune, ward or special zone since 1 July 2025 (type xã, phường or đặc khu).</summary>
public sealed record DvhcCommune(string Code, string Name, string Type, string ProvinceCode)
{
    /// <summary>"Phường Đồng Xoài", "Xã Tân Phú", "Đặc khu Côn Đảo".</summary>
    public string FullName => DvhcData.Capitalize(Type) + " " + Name;
}

/// <summary>
/// A pre-reform unit and one new commune that received it (an old commune split between several new ones has one row per
/// new commune, <see cref="IsPartial"/>). <see cref="CommuneName"/> is null for the five island districts that had no
/// communes; <see cref="IsLowConfidence"/> marks the nine rows whose successor is the mapping author's guess.
/// </summary>
public sealed record DvhcOldUnit(
    string OldProvinceCode,
    string OldProvinceName,
    string DistrictCode,
    string DistrictType,
    string DistrictName,
    string? CommuneCode,
    string? CommuneType,
    string? CommuneName,
    string? CommuneOtherName,
    string NewCommuneCode,
    string NewProvinceCode,
    bool IsPartial,
    bool IsLowConfidence);
