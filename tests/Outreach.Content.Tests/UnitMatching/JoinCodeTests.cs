using Outreach.Content.UnitMatching;

namespace Outreach.Content.Tests.UnitMatching;

public sealed class JoinCodeTests
{
    [Theory]
    [InlineData("572", '4')]
    [InlineData("12345", '9')]
    public void CheckDigit_IsDamms(string digits, char check) => Assert.Equal(check, JoinCode.CheckDigit(digits));

    [Fact]
    public void IsValid_EveryOneDigitTypoOrNeighbourSwapOfAValidCode_IsInvalid()
    {
        var code = "12345" + JoinCode.CheckDigit("12345");
        Assert.True(JoinCode.IsValid(code));

        for (var i = 0; i < code.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                var typo = code[..i] + d + code[(i + 1)..];
                Assert.True(typo == code || !JoinCode.IsValid(typo), typo);
            }

            if (i + 1 < code.Length && code[i] != code[i + 1])
            {
                Assert.False(JoinCode.IsValid(code[..i] + code[i + 1] + code[i] + code[(i + 2)..]));
            }
        }
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("mã 123.456", "123456")]
    [InlineData("Mã tham gia: I23O56", "123056")]
    [InlineData("xin chao", null)]
    [InlineData("12", null)]
    [InlineData("0912345678", null)]
    public void Normalize_WhatAMemberTypes_GivesTheDigits(string typed, string? digits) => Assert.Equal(digits, JoinCode.Normalize(typed));

    [Fact]
    public void Neighbours_OfATypo_IncludeTheMeantCodeAtOneEdit()
    {
        var code = "48213" + JoinCode.CheckDigit("48213");
        var wrongDigit = "4821" + (code[4] == '9' ? '0' : (char)(code[4] + 1)) + code[5];
        var missing = code[..3] + code[4..];
        var swapped = code[..1] + code[2] + code[1] + code[3..];

        Assert.Contains((code, 1), JoinCode.Neighbours(wrongDigit));
        Assert.Contains((code, 1), JoinCode.Neighbours(missing));
        Assert.Contains((code, 1), JoinCode.Neighbours(swapped));
        Assert.All(JoinCode.Neighbours(missing), n => Assert.True(JoinCode.IsValid(n.Code)));
    }

    [Fact]
    public void Display_GroupsByThree() => Assert.Equal("482 137", JoinCode.Display("482137"));
}
