using System.Text;
using Outreach.Bot.Channels.Zalo;
using Outreach.Emulators.Zalo;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>The worked vectors of PLATFORM-ZALO.md §2.3 (app 360846524940903967, key MySecretOAKey123, timestamp 154390853474).</summary>
public sealed class ZaloSignatureTests
{
    private const string AppId = "360846524940903967";
    private const string Secret = "MySecretOAKey123";
    private const string Timestamp = "154390853474";
    private const string AsciiVector = "fb45671f46c55a4dd7d282c69aa97dcc54cdec76df682177f3c6a269585eebee";
    private const string VietnameseVector = "d798009e33c75e791ca6164089a65d9b4d90858d4ce94f4f44f91e83e3a36ee8";

    [Fact]
    public void Compute_DocSampleW1b_IsTheDocsVector() =>
        Assert.Equal(AsciiVector, Convert.ToHexStringLower(ZaloSignature.Compute(AppId, W1b, Timestamp, Secret)));

    [Fact]
    public void Compute_VietnameseSampleW1c_HashesTheUtf8Bytes() =>
        Assert.Equal(VietnameseVector, Convert.ToHexStringLower(ZaloSignature.Compute(AppId, W1c, Timestamp, Secret)));

    [Theory]
    [InlineData("mac=" + VietnameseVector)]
    [InlineData(VietnameseVector)]
    [InlineData("MAC=" + VietnameseVector)]
    [InlineData(" mac=" + VietnameseVector + " ")]
    public void IsValid_WithOrWithoutMacPrefix_Accepts(string header) =>
        Assert.True(ZaloSignature.IsValid(header, AppId, W1c, Timestamp, Secret));

    [Fact]
    public void IsValid_UppercaseHex_Accepts() =>
        Assert.True(ZaloSignature.IsValid("mac=" + VietnameseVector.ToUpperInvariant(), AppId, W1c, Timestamp, Secret));

    [Fact]
    public void IsValid_BodyChangedAfterSigning_Rejects()
    {
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(W1c).Replace("hỏi", "hoi", StringComparison.Ordinal));

        Assert.False(ZaloSignature.IsValid("mac=" + VietnameseVector, AppId, changed, Timestamp, Secret));
    }

    [Fact]
    public void IsValid_BodyReserialized_Rejects()
    {
        // The pretty-printed W1 is the same event as W1b, but not the same bytes: only the raw body may be hashed.
        Assert.False(ZaloSignature.IsValid("mac=" + AsciiVector, AppId, ZaloSamples.Bytes("w1_user_send_text.json"), Timestamp, Secret));
    }

    [Theory]
    [InlineData("360846524940903968", Timestamp, Secret)]
    [InlineData(AppId, "154390853475", Secret)]
    [InlineData(AppId, Timestamp, "MySecretOAKey124")]
    public void IsValid_AnyOtherTerm_Rejects(string appId, string timestamp, string secret) =>
        Assert.False(ZaloSignature.IsValid("mac=" + AsciiVector, appId, W1b, timestamp, secret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mac=")]
    [InlineData("mac=zz45671f46c55a4dd7d282c69aa97dcc54cdec76df682177f3c6a269585eebee")]
    [InlineData("mac=fb45671f46c55a4dd7d282c69aa97dcc54cdec76df682177f3c6a269585eebe")]
    [InlineData("mac=fb45671f46c55a4dd7d282c69aa97dcc54cdec76df682177f3c6a269585eebee00")]
    [InlineData("sha256=fb45671f46c55a4dd7d282c69aa97dcc54cdec76df682177f3c6a269585eebee")]
    public void IsValid_MalformedHeader_RejectsWithoutThrowing(string? header) =>
        Assert.False(ZaloSignature.IsValid(header, AppId, W1b, Timestamp, Secret));

    private static byte[] W1b => ZaloSamples.Bytes("w1b_user_send_text_compact.json");

    private static byte[] W1c => ZaloSamples.Bytes("w1c_user_send_text_vietnamese.json");
}
