using Outreach.Content.Text;

namespace Outreach.Content.Tests.Text;

public sealed class ChatAbbreviationsTests
{
    [Theory]
    [InlineData("ck e dc k", "chong em duoc khong")]
    [InlineData("sdt nby bn", "so dien thoai ngoi nha binh yen bao nhieu")]
    [InlineData("mua bhyt o dau", "mua bao hiem y te o dau")]
    [InlineData("vay nhcsxh", "vay ngan hang chinh sach xa hoi")]
    [InlineData("tổ TK&VV", "to tiet kiem vay von")]
    [InlineData("đc ko", "duoc khong")]
    public void Expand_Teencode_Words(string typed, string folded)
    {
        var expanded = ChatAbbreviations.Expand(VietnameseText.Tokenize(typed));

        Assert.Equal(folded, string.Join(' ', expanded.Select(t => t.Folded)));
    }

    [Fact]
    public void Expand_KAfterNumber_IsThousandNotNo()
    {
        var expanded = ChatAbbreviations.Expand(VietnameseText.Tokenize("50k 50tr k"));

        Assert.Equal(["50", "nghin", "50", "trieu", "khong"], expanded.Select(t => t.Folded));
    }

    [Fact]
    public void Expand_WordTypedWithAccents_NotTreatedAsAbbreviation()
    {
        // "chị" is a word; "c" is the abbreviation of it. A toned "bị" must not become anything else either.
        var expanded = ChatAbbreviations.Expand(VietnameseText.Tokenize("chị bị"));

        Assert.Equal(VietnameseText.Tokenize("chị bị"), expanded);
    }
}
