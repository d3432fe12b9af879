using Outreach.Content.Unanswered;

namespace Outreach.Content.Tests.Unanswered;

public sealed class QuestionWordingTests
{
    [Theory]
    [InlineData("Chị ơi, vay vốn ở đâu ạ?", "vay von o dau")]
    [InlineData("vay von o dau", "vay von o dau")]
    [InlineData("VAY VỐN Ở ĐÂU!!!", "vay von o dau")]
    [InlineData("ko đúng", "khong dung")]
    [InlineData("dạ vâng ạ", "da vang a")]
    public void Of_FoldsAccentsCaseTeencodeAndParticles(string text, string expected) =>
        Assert.Equal(expected, QuestionWording.Of(text));

    [Fact]
    public void Of_DifferentQuestions_DifferentGroups() =>
        Assert.NotEqual(QuestionWording.Of("vay vốn ở đâu"), QuestionWording.Of("vay vốn bao nhiêu"));

    [Fact]
    public void Of_LongStory_KeptToTheLimit() =>
        Assert.Equal(QuestionWording.MaxLength, QuestionWording.Of(string.Concat(Enumerable.Repeat("vay vốn ", 200))).Length);
}
