using System.Globalization;
using Outreach.Content.Dvhc;
using Outreach.Content.UnitMatching;

namespace Outreach.Content.Tests.UnitMatching;

/// <summary>
/// The place matcher over real provinces of the 2025 data: Đồng Nai (75, which took in Bình Phước) and Bắc Ninh (24, which
/// took in Bắc Giang), their communes as units whose ids are the register codes.
/// </summary>
public sealed class PlaceIndexTests
{
    private static readonly DvhcData Data = DvhcData.Load();
    private static readonly PlaceIndex DongNai = IndexOf("75");
    private static readonly PlaceIndex BacNinh = IndexOf("24");
    private static readonly PlaceIndex QuangTri = IndexOf("44");

    [Theory]
    [InlineData("Phường Đồng Xoài")]
    [InlineData("phuong dong xoai")]
    [InlineData("dong xoai")]
    [InlineData("dongxoai")]
    [InlineData("P.Đồng Xoài")]
    [InlineData("p. dong xoai")]
    [InlineData("em ở phường đồng xoài ạ")]
    [InlineData("dong xoia")]
    [InlineData("ĐỒNG XOÀI")]
    public void Match_TheCurrentNameWrittenAnyWay_FindsTheWardFirst(string typed)
    {
        var matches = DongNai.Match(typed);

        Assert.Equal(25210, matches[0].UnitId);
        Assert.Equal("Phường Đồng Xoài", matches[0].UnitName);
        Assert.Equal(PlaceMatchKind.Current, matches[0].Kind);
        Assert.True(matches[0].Score >= 0.85, matches[0].Score.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Match_OldCommuneWithItsOldDistrict_FindsItsSuccessor()
    {
        var matches = DongNai.Match("xa tan thanh dong xoai");

        Assert.Equal(25210, matches[0].UnitId);
        Assert.Equal(PlaceMatchKind.OldCommune, matches[0].Kind);
        Assert.Equal("xã Tân Thành (cũ), thành phố Đồng Xoài", matches[0].MatchedName);
    }

    [Fact]
    public void Match_OldCommuneNameThatOccursTwice_OffersBothSuccessorsAndTheDistrictDecides()
    {
        var alone = DongNai.Match("tan thanh").Take(3).Select(m => m.UnitId).ToList();
        var withDistrict = DongNai.Match("Tân Thành, huyện Bù Đốp");

        Assert.Contains(25210, alone);
        Assert.Contains(25318, alone);
        Assert.Equal(25318, withDistrict[0].UnitId);
    }

    [Fact]
    public void Match_OldCommuneThatWasSplit_OffersEachSuccessorMarkedSplit()
    {
        var matches = DongNai.Match("xa xuan tam").Take(2).ToList();

        Assert.Equal([26359L, 26446L], matches.Select(m => m.UnitId).Order());
        Assert.All(matches, m => Assert.True(m.IsSplit));
        Assert.Equal(matches[0].Score, matches[1].Score);
    }

    [Fact]
    public void Match_OldWardOfAnotherOldProvince_FindsItInTheMergedProvince()
    {
        var matches = BacNinh.Match("phuong dinh tri tp bac giang");

        Assert.Equal(7210, matches[0].UnitId);
        Assert.Equal("Phường Bắc Giang", matches[0].UnitName);
    }

    [Fact]
    public void Match_OldDistrictName_OffersCommunesThatTookItsLandBelowACurrentName()
    {
        var matches = DongNai.Match("huyen bu dop");

        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Equal(PlaceMatchKind.OldDistrict, m.Kind));
        Assert.All(matches, m => Assert.True(m.Score < 0.9));
    }

    [Fact]
    public void Match_DiacriticsTyped_PreferTheNameWithThoseMarks()
    {
        // Two communes of Đồng Nai fold to "loc thanh": the marks she typed choose.
        var names = Data.CommunesOf("75").Where(c => Outreach.Content.Text.VietnameseText.Fold(c.Name) == "loc thanh").ToList();
        Assert.Equal(2, names.Count);

        foreach (var commune in names)
        {
            Assert.Equal(long.Parse(commune.Code, CultureInfo.InvariantCulture), DongNai.Match(commune.FullName)[0].UnitId);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("xin chào, cho em hỏi về vay vốn")]
    [InlineData("qwrtpz")]
    public void Match_NothingLikeAPlace_FindsNothingConfident(string typed)
    {
        Assert.All(DongNai.Match(typed), m => Assert.True(m.Score < 0.85, $"{m.UnitName} {m.Score}"));
    }

    [Fact]
    public void Build_UnitsNamedByTheUnionAndAMergedUnit_AreMatchedByTheirPlaceNames()
    {
        var index = PlaceIndex.Build(
            [new PlaceUnit(1, "Hội LHPN xã Tân Phú", null, null), new PlaceUnit(2, "Hội LHPN phường Tân Đông", null, null),
             new PlaceUnit(3, "Hội LHPN xã Tân Lập", null, 1)],
            null, null);

        Assert.Equal(1, index.Match("tan phu")[0].UnitId);
        Assert.Equal(2, index.Match("P Tan Dong")[0].UnitId);
        var merged = index.Match("xa tan lap")[0];
        Assert.Equal(1, merged.UnitId);
        Assert.Equal(PlaceMatchKind.MergedUnit, merged.Kind);
    }

    [Fact]
    public void Build_UnitsLinkedByName_GetTheOldNamesOfTheirCommunes()
    {
        // A tree made by hand (no admin codes): the unit named like the ward still gets its old communes' names.
        var index = PlaceIndex.Build([new PlaceUnit(9, "Hội LHPN phường Đồng Xoài", null, null)], Data, "75");

        Assert.Equal(9, index.Match("xa tien thanh")[0].UnitId);
    }

    [Theory]
    [InlineData("phuong ba dinh ha noi")]
    [InlineData("phường Ba Đình, Hà Nội")]
    public void Match_AWardOfAnotherProvince_SuggestsNothingCloseEnoughToOffer(string typed)
    {
        var matches = QuangTri.Match(typed);

        Assert.True(
            matches.Count == 0 || matches[0].Score < 0.7,
            string.Join("; ", matches.Select(m => $"{m.UnitName} {m.Kind} '{m.MatchedName}' {m.Score.ToString(CultureInfo.InvariantCulture)}")));
        Assert.Equal("01", QuangTri.OtherProvinceNamed(typed)?.Code);
        Assert.Null(QuangTri.OtherProvinceNamed("phuong dong hoi quang tri"));
    }

    [Theory]
    [InlineData("xa tan thanh dong xoai", 25210)]
    [InlineData("phuong tan thanh", 25210)]
    [InlineData("p. dong xoai", 25210)]
    public void Match_AKindWordBeforeTheName_IsStillReadAsItsKind(string typed, long unit) =>
        Assert.Equal(unit, DongNai.Match(typed)[0].UnitId);

    private static PlaceIndex IndexOf(string province) => PlaceIndex.Build(
        Data.CommunesOf(province).Select(c => new PlaceUnit(long.Parse(c.Code, CultureInfo.InvariantCulture), c.FullName, c.Code, null)).ToList(),
        Data, province);
}
