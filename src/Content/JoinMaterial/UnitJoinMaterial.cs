using QRCoder;
using Outreach.Content.UnitMatching;

namespace Outreach.Content.JoinMaterial;

/// <summary>
/// What a unit prints for chi hội meetings and notice boards: its Messenger link (<c>m.me/&lt;page&gt;?ref=&lt;unit code&gt;</c>, which
/// attaches whoever opens it to the unit) with its QR code, and its Zalo join code (Zalo has no ref on follow: the member
/// types the code) with, when the OA is known, a QR code of the OA's page.
/// </summary>
public sealed record UnitJoinMaterial(
    string UnitName,
    string? MessengerLink,
    QrImage? MessengerQr,
    string JoinCode,
    string JoinCodeDisplay,
    string? ZaloLink,
    QrImage? ZaloQr)
{
    /// <summary>
    /// The poster's heading over the join code, naming only what the unit has: "Quan tâm Zalo OA rồi nhắn mã tham gia" with an
    /// OA, "Nhắn mã tham gia qua Facebook Messenger" with only a Page link, else "Mã tham gia của đơn vị" (never an OA the unit
    /// does not have).
    /// </summary>
    public string JoinCodeHeading => ZaloLink is not null
        ? "Quan tâm Zalo OA rồi nhắn mã tham gia"
        : MessengerLink is not null ? "Nhắn mã tham gia qua Facebook Messenger" : "Mã tham gia của đơn vị";
}

/// <summary>A QR code as PNG bytes and as an SVG document (scales to any print size).</summary>
public sealed record QrImage(string Text, byte[] Png, string Svg);

/// <summary>Builds a unit's join material (QRCoder; error correction M, which survives a worn poster).</summary>
public static class JoinMaterialBuilder
{
    /// <param name="unitName">The unit's name, printed above the codes.</param>
    /// <param name="unitCode">The unit's code (the link's <c>ref</c>); without one there is no Messenger link.</param>
    /// <param name="joinCode">The unit's six-digit join code.</param>
    /// <param name="messengerPage">The Page's username or id (<c>m.me/&lt;page&gt;</c>); null when the unit has no Page.</param>
    /// <param name="zaloOaId">The Zalo OA's id (<c>zalo.me/&lt;oa&gt;</c>); null when the unit has no OA.</param>
    /// <param name="pixelsPerModule">PNG size: pixels per QR module (10 prints sharply on A4).</param>
    public static UnitJoinMaterial Build(
        string unitName, string? unitCode, string joinCode, string? messengerPage, string? zaloOaId, int pixelsPerModule = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitName);
        ArgumentException.ThrowIfNullOrWhiteSpace(joinCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        var messenger = string.IsNullOrWhiteSpace(messengerPage) || string.IsNullOrWhiteSpace(unitCode)
            ? null
            : $"https://m.me/{Uri.EscapeDataString(messengerPage.Trim())}?ref={Uri.EscapeDataString(unitCode)}";
        var zalo = string.IsNullOrWhiteSpace(zaloOaId) ? null : $"https://zalo.me/{Uri.EscapeDataString(zaloOaId.Trim())}";
        return new UnitJoinMaterial(
            unitName,
            messenger,
            messenger is null ? null : Qr(messenger, pixelsPerModule),
            joinCode,
            JoinCode.Display(joinCode),
            zalo,
            zalo is null ? null : Qr(zalo, pixelsPerModule));
    }

    /// <summary>A QR code of <paramref name="text"/>.</summary>
    public static QrImage Qr(string text, int pixelsPerModule = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        using var svg = new SvgQRCode(data);
        return new QrImage(text, png.GetGraphic(pixelsPerModule), svg.GetGraphic(pixelsPerModule));
    }
}
