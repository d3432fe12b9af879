using System.Text;
using Outreach.Bot.Channels.Messenger;

namespace Outreach.Bot.Tests.Channels.Messenger;

public sealed class MessengerSignatureTests
{
    private const string Secret = "test_app_secret";
    private const string VectorSignature = "sha256=a3033249c17f7dd3c01fd6797dbc588f0a000760ed8fed2f2ba3b0436665f106";

    [Fact]
    public void IsValid_VietnameseVectorAsSent_Accepts()
    {
        Assert.True(MessengerSignature.IsValid(TestData.Bytes("vietnamese-vector.json"), VectorSignature, Secret));
    }

    [Fact]
    public void IsValid_SameBodyReserialisedWithRealVietnamese_Rejects()
    {
        var decoded = Encoding.UTF8.GetBytes(TestData.Text("vietnamese-vector.json").Replace("\\u00e0", "à", StringComparison.Ordinal).Replace("\\u1ecb", "ị", StringComparison.Ordinal));

        Assert.Contains("Xin chào chị", Encoding.UTF8.GetString(decoded), StringComparison.Ordinal);
        Assert.False(MessengerSignature.IsValid(decoded, VectorSignature, Secret));
        Assert.StartsWith("sha256=232686a9", MessengerSignature.Sign(decoded, Secret), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a3033249c17f7dd3c01fd6797dbc588f0a000760ed8fed2f2ba3b0436665f106")]
    [InlineData("sha1=c3f5a65b09231b06f0d01de6dce3e7d3922af9e9")]
    [InlineData("sha256=a3033249c17f7dd3c01fd6797dbc588f0a000760ed8fed2f2ba3b0436665f10")]
    [InlineData("sha256=zz033249c17f7dd3c01fd6797dbc588f0a000760ed8fed2f2ba3b0436665f106")]
    [InlineData("sha256=b3033249c17f7dd3c01fd6797dbc588f0a000760ed8fed2f2ba3b0436665f106")]
    public void IsValid_MissingMalformedOrWrongHeader_Rejects(string? header)
    {
        Assert.False(MessengerSignature.IsValid(TestData.Bytes("vietnamese-vector.json"), header, Secret));
    }

    [Fact]
    public void IsValid_BodyChangedAfterSigning_Rejects()
    {
        var body = TestData.Bytes("vietnamese-vector.json");
        body[^3] = (byte)'x';

        Assert.False(MessengerSignature.IsValid(body, VectorSignature, Secret));
    }

    [Fact]
    public void IsValid_UppercaseHex_Accepts()
    {
        Assert.True(MessengerSignature.IsValid(TestData.Bytes("vietnamese-vector.json"), "sha256=" + VectorSignature[7..].ToUpperInvariant(), Secret));
    }
}
