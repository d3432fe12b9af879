using Outreach.Content.Text;

namespace Outreach.Content.Tests.Text;

public sealed class EnglishTextTests
{
    [Theory]
    [InlineData("what is the domestic violence hotline number", true)]
    [InlineData("help my husband is beating me right now", true)]
    [InlineData("thanks a lot", true)]
    [InlineData("me oi con no an com chua", false)]   // Vietnamese without accents: mẹ, nó, ăn are not English
    [InlineData("vay von ngan hang chinh sach", false)]
    [InlineData("hello", false)]                       // one word decides nothing
    public void LooksEnglish(string text, bool expected)
    {
        Assert.Equal(expected, EnglishText.LooksEnglish(VietnameseText.Tokenize(text)));
    }

    [Fact]
    public void Translate_TopicWordsToThePacksVietnamese_FunctionWordsDropped()
    {
        var words = EnglishText.Translate(VietnameseText.Tokenize("where can I get a loan from the women's union"));

        Assert.Equal(VietnameseText.Fold("ở đâu vay vốn hội phụ nữ"), string.Join(' ', words.Select(w => w.Folded)));
    }

    [Fact]
    public void Translate_UnknownWordsKept_SoTheyCountAgainstConfidence()
    {
        var words = EnglishText.Translate(VietnameseText.Tokenize("what is the capital of france"));

        Assert.Equal(["capital", "france"], words.Select(t => t.Folded));
    }
}
