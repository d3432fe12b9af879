using Outreach.Content.Text;

namespace Outreach.Content.Tests.Text;

public sealed class EmojiAndNumbersTests
{
    [Theory]
    [InlineData("👍", "ok")]
    [InlineData("cảm ơn 🙏", "cam on cam on")]
    [InlineData("😢😢", "buon buon")]
    [InlineData("🌸", "hihi")]
    [InlineData("chào chị", "chao chi")]
    public void Emoji_ReadAsWords(string text, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(Emoji.ToWords(text)));
    }

    [Theory]
    [InlineData("1900969680", "1900 969 680")]
    [InlineData("19009068", "1900 9068")]
    [InlineData("18001567", "1800 1567")]
    [InlineData("0912345678", "0912345678")]  // an ordinary phone number stays whole
    [InlineData("2927", "2927")]
    public void PhoneNumbers_HotlineTypedTogether_Grouped(string typed, string grouped)
    {
        Assert.Equal(grouped, string.Join(' ', PhoneNumbers.Split(VietnameseText.Tokenize(typed)).Select(t => t.Folded)));
    }
}
