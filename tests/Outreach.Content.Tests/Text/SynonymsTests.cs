using Outreach.Content.Text;

namespace Outreach.Content.Tests.Text;

public sealed class SynonymsTests
{
    private static string Normalize(string text) =>
        string.Join(' ', Synonyms.Normalize(VietnameseText.Tokenize(text)).Tokens.Select(t => t.Folded));

    [Theory]
    [InlineData("vay tiền nuôi heo", "vay von nuoi lon")]
    [InlineData("muốn ly dị chồng", "muon ly hon chong")]
    [InlineData("em có bầu 4 tháng", "em mang thai 4 thang")]
    [InlineData("vay có phải đưa sổ đỏ không", "vay von co phai dua the chap khong")] // "vay" alone is "vay vốn"
    [InlineData("co bau roi", "mang thai roi")] // typed plain: any word that folds the same
    [InlineData("bà già rồi vô hội được hông", "ba gia roi vao hoi duoc khong")] // southern words
    [InlineData("ck danh vo", "ck danh vo")]                                            // "vo" alone stays (vợ, not vô)
    [InlineData("xã nhập rồi chi hội còn họp không", "sap nhap roi chi hoi con hop khong")]
    public void Normalize_OtherWording_ThePacksWords(string typed, string folded)
    {
        Assert.Equal(folded, Normalize(typed));
    }

    [Fact]
    public void Normalize_AccentedSyllableOfAnotherWord_LeftAlone()
    {
        // "cổ thai" is not "có thai": a syllable typed with accents must be the listed word.
        Assert.Equal("co thai", Normalize("cổ thai"));
    }

    [Fact]
    public void Normalize_Weights_LowestOfThePhraseCarried()
    {
        var (tokens, weights) = Synonyms.Normalize(VietnameseText.Tokenize("ly dị"), [1f, 0.7f]);

        Assert.Equal(["ly", "hon"], tokens.Select(t => t.Folded));
        Assert.Equal([0.7f, 0.7f], weights);
    }
}
