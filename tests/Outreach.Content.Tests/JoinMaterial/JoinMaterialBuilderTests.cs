using Outreach.Content.JoinMaterial;

namespace Outreach.Content.Tests.JoinMaterial;

public sealed class JoinMaterialBuilderTests
{
    [Fact]
    public void Build_UnitWithAPageAndAnOa_HasTheRefLinkTheCodeAndBothQrCodes()
    {
        var material = JoinMaterialBuilder.Build("Phường Đồng Xoài", "25210", "482137", "hoilhpn.dongnai", "1234567890");

        Assert.Equal("https://m.me/hoilhpn.dongnai?ref=25210", material.MessengerLink);
        Assert.Equal("https://zalo.me/1234567890", material.ZaloLink);
        Assert.Equal("482 137", material.JoinCodeDisplay);
        Assert.Equal(material.MessengerLink, material.MessengerQr!.Text);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, material.MessengerQr.Png[..4]);
        Assert.Contains("<svg", material.MessengerQr.Svg, StringComparison.Ordinal);
        Assert.NotNull(material.ZaloQr);
        Assert.Equal("Quan tâm Zalo OA rồi nhắn mã tham gia", material.JoinCodeHeading);
    }

    [Fact]
    public void JoinCodeHeading_UnitWithoutAZaloOa_NamesOnlyWhatItHas()
    {
        var pageOnly = JoinMaterialBuilder.Build("Phường Đồng Xoài", "25210", "482137", "hoilhpn.dongnai", null);
        var neither = JoinMaterialBuilder.Build("Chi hội ấp 3", null, "482137", null, null);

        Assert.Equal("Nhắn mã tham gia qua Facebook Messenger", pageOnly.JoinCodeHeading);
        Assert.Equal("Mã tham gia của đơn vị", neither.JoinCodeHeading);
        Assert.DoesNotContain("Zalo", pageOnly.JoinCodeHeading + neither.JoinCodeHeading, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnitWithoutCodeOrPage_HasOnlyItsJoinCode()
    {
        var material = JoinMaterialBuilder.Build("Chi hội ấp 3", null, "482137", "hoilhpn.dongnai", null);

        Assert.Null(material.MessengerLink);
        Assert.Null(material.MessengerQr);
        Assert.Null(material.ZaloQr);
        Assert.Equal("482137", material.JoinCode);
    }

    [Fact]
    public void Qr_SameText_SameImage() =>
        Assert.Equal(JoinMaterialBuilder.Qr("https://m.me/x?ref=a").Png, JoinMaterialBuilder.Qr("https://m.me/x?ref=a").Png);
}
