using Outreach.Content.Text;

namespace Outreach.Content.Tests.Text;

public sealed class TelexDecoderTests
{
    [Theory]
    [InlineData("chaof", "chào")]
    [InlineData("bajn", "bạn")]
    [InlineData("dduowcj", "được")]
    [InlineData("nhieeuf", "nhiều")]
    [InlineData("khoong", "không")]
    [InlineData("camr", "cảm")]
    [InlineData("own", "ơn")]
    [InlineData("hoir", "hỏi")]
    public void TryDecode_TelexLeftover_Syllable(string typed, string expected)
    {
        Assert.True(TelexDecoder.TryDecode(typed, out var token));
        Assert.Equal(VietnameseText.MakeToken(expected), token);
    }

    [Theory]
    [InlineData("ban")]
    [InlineData("sdt")]
    [InlineData("x")]
    public void TryDecode_NoTelexKey_False(string typed)
    {
        Assert.False(TelexDecoder.TryDecode(typed, out _));
    }
}
