using Outreach.Content.Text;

namespace Outreach.Content.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Tokenize_DecomposedInput_SameTokensAsComposed()
    {
        // "Đường dây nóng" typed with combining marks (NFD, as macOS and some keyboards send it), built by hand so the test
        // does not depend on string.Normalize (which does nothing in globalization-invariant mode).
        var decomposed = "\u0110u\u031Bo\u031B\u0300ng da\u0302y no\u0301ng";

        var tokens = VietnameseText.Tokenize(decomposed);

        Assert.Equal(VietnameseText.Tokenize("Đường dây nóng"), tokens);
        Assert.Equal(["duong", "day", "nong"], tokens.Select(t => t.Folded));
    }

    [Theory]
    [InlineData("Đề án", "de an")]
    [InlineData("đề án", "de an")]
    [InlineData("\u00D0Ề ÁN", "de an")] // Ð U+00D0 (Icelandic eth), a look-alike seen in real text
    [InlineData("ĐỊA CHỈ TIN CẬY", "dia chi tin cay")]
    [InlineData("Nước sạch, vệ sinh", "nuoc sach ve sinh")]
    public void Fold_DStrokesAndCapitals_PlainAscii(string text, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(text));
    }

    [Fact]
    public void MakeToken_OldAndNewTonePlacement_SameExactForm()
    {
        Assert.Equal(VietnameseText.MakeToken("hòa"), VietnameseText.MakeToken("hoà"));
        Assert.Equal(VietnameseText.MakeToken("thúy"), VietnameseText.MakeToken("thuý"));
        Assert.Equal(VietnameseText.MakeToken("khỏe"), VietnameseText.MakeToken("khoẻ"));
    }

    [Fact]
    public void MakeToken_ChongAndChong_DifferExactlySameFolded()
    {
        var husband = VietnameseText.MakeToken("chồng");
        var against = VietnameseText.MakeToken("chống");

        Assert.NotEqual(husband.Exact, against.Exact);
        Assert.Equal(husband.Folded, against.Folded);
        Assert.True(husband.IsMarked);
        Assert.False(VietnameseText.MakeToken("chong").IsMarked);
    }

    [Fact]
    public void Tokenize_LettersAndDigitsTogether_SplitApart()
    {
        Assert.Equal(["50", "tr", "68", "t"], VietnameseText.Tokenize("50tr, 68t").Select(t => t.Exact));
    }

    [Fact]
    public void Normalize_ZeroWidthAndSoftHyphen_Dropped()
    {
        Assert.Equal("vay vốn", VietnameseText.Normalize("va\u200By v\u00ADốn\uFEFF"));
    }

    [Fact]
    public void Tokenize_EmojiAndPunctuation_AreSeparators()
    {
        var tokens = VietnameseText.Tokenize("cảm ơn nhé 😍!!");

        Assert.Equal(["cam", "on", "nhe"], tokens.Select(t => t.Folded));
        Assert.Equal(VietnameseText.Tokenize("cảm ơn nhé"), tokens);
    }
}
