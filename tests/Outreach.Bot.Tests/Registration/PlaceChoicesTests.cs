using Outreach.Bot.Answers.Registration;
using Outreach.Content.ContentPacks;

namespace Outreach.Bot.Tests.Registration;

/// <summary>The registration dialog's readings of a message: a request, a join code, a choice number, a unit's short name.</summary>
public sealed class PlaceChoicesTests
{
    private static readonly PackTexts Texts = ContentPackReader.ReadAsync(
        Path.Combine(AppContext.BaseDirectory, "ContentPacks", "pack"), CancellationToken.None).GetAwaiter().GetResult().Texts;

    [Theory]
    [InlineData("đổi xã", true)]
    [InlineData("doi xa", true)]
    [InlineData("Em muốn chuyển sinh hoạt ạ", true)]
    [InlineData("cho mình đổi chi hội với", true)]
    [InlineData("thủ tục chuyển sinh hoạt hội thế nào", false)]
    [InlineData("chồng em đổi xã làm gì", false)]
    [InlineData("", false)]
    public void IsRequest_OnlyTheRequestItself(string text, bool expected) => Assert.Equal(expected, PlaceChoices.IsRequest(text, Texts));

    [Theory]
    [InlineData("123456", false, true)]
    [InlineData("mã 123 456", false, true)]
    [InlineData("12345", false, false)]
    [InlineData("12345", true, true)]
    [InlineData("0912 345 678", false, false)]
    [InlineData("em sinh năm 1985", false, false)]
    [InlineData("con em 6 tuổi, cháu 123456 gì đó hỏi nhiều lắm", false, false)]
    public void LooksLikeJoinCode_SixDigitsAndLittleElse(string text, bool inDialog, bool expected) =>
        Assert.Equal(expected, PlaceChoices.LooksLikeJoinCode(text, inDialog));

    [Theory]
    [InlineData("2", 3, 2)]
    [InlineData("số 1", 3, 1)]
    [InlineData("4", 3, null)]
    [InlineData("0", 3, null)]
    [InlineData("em chọn 2 vì nhà em ở đó", 3, null)]
    public void ChoiceNumber_OneNumberInRange(string text, int count, int? expected) => Assert.Equal(expected, PlaceChoices.ChoiceNumber(text, count));

    [Theory]
    [InlineData("Hội LHPN phường Đồng Xoài", "Phường Đồng Xoài")]
    [InlineData("Hội Liên hiệp Phụ nữ xã Xuân Hòa", "Xã Xuân Hòa")]
    [InlineData("Chi hội ấp 1", "Chi hội ấp 1")]
    public void ShortName_DropsTheUnionsPrefix(string name, string expected) => Assert.Equal(expected, PlaceChoices.ShortName(name));
}
