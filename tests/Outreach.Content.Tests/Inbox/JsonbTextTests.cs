using System.Text.Json;
using Outreach.Content.Inbox;

namespace Outreach.Content.Tests.Inbox;

public sealed class JsonbTextTests
{
    [Theory]
    [InlineData("""{"t":"a\u0000b"}""", """{"t":"a\ufffdb"}""")]
    [InlineData("""{"a\u0000":1}""", """{"a\ufffd":1}""")]
    [InlineData("""["\ud83d x"]""", """["\ufffd x"]""")]
    [InlineData("""["\udc00"]""", """["\ufffd"]""")]
    [InlineData("""["\ud83d"]""", """["\ufffd"]""")]
    [InlineData("""["\ud83d\u0000"]""", """["\ufffd\ufffd"]""")]
    public void Safe_RefusedEscapes_BecomeReplacementCharacters(string json, string expected)
    {
        Assert.Equal(expected, JsonbText.Safe(json));
    }

    [Theory]
    [InlineData("""{"t":"chào"}""")]
    [InlineData("""{"t":"\ud83d\ude00 \u00e0"}""")]
    [InlineData("""{"t":"a\\u0000b"}""")]
    [InlineData("""{"t":"\"\\\u0041"}""")]
    public void Safe_AcceptableJson_Unchanged(string json)
    {
        Assert.Same(json, JsonbText.Safe(json));
    }

    [Fact]
    public void Safe_Result_StillParsesToTheSameShape()
    {
        var json = """{"m":{"text":"x\u0000y","n":[1,"\udc01"]},"k":"\\u0000"}""";

        var safe = JsonDocument.Parse(JsonbText.Safe(json)).RootElement;

        Assert.Equal("x\uFFFDy", safe.GetProperty("m").GetProperty("text").GetString());
        Assert.Equal("\uFFFD", safe.GetProperty("m").GetProperty("n")[1].GetString());
        Assert.Equal("\\u0000", safe.GetProperty("k").GetString());
    }
}
