using Outreach.Content.Text;

namespace Outreach.Content.Tests.Text;

public sealed class VniDecoderTests
{
    [Theory]
    [InlineData("cho6ng2", "chồng")]
    [InlineData("d9a1nh", "đánh")]
    [InlineData("ngu7o72i", "người")]
    [InlineData("cu71u", "cứu")]
    [InlineData("ma8t5", "mặt")]
    [InlineData("ba3o", "bảo")]
    public void TryDecode_VniLeftover_Syllable(string typed, string expected)
    {
        Assert.True(VniDecoder.TryDecode(typed, out var word));
        Assert.Equal(VietnameseText.MakeToken(expected), VietnameseText.MakeToken(word));
    }

    [Fact]
    public void Decode_TwoVniWords_WholeMessage()
    {
        var decoded = VietnameseText.Fold(VniDecoder.Decode("me5 o7i cu71u con"));
        Assert.Equal("me oi cuu con", decoded);
    }

    [Theory]
    [InlineData("covid19 ở xã mình")]     // one word with a digit is not VNI typing
    [InlineData("vay 50tr trong 2t")]
    [InlineData("bằng b2 và f5")]
    public void Decode_NotVni_Unchanged(string text)
    {
        Assert.Equal(text, VniDecoder.Decode(text));
    }
}
