using System.Text;
using Outreach.Emulators.Messenger;

namespace Outreach.Emulators.Tests.Messenger;

public sealed class MetaJsonTests
{
    [Fact]
    public void Builder_VietnameseMessage_ReproducesTheDocVectorByteForByte()
    {
        var body = new MessengerWebhookBuilder("134968929707951", entryTime: 1698637601363)
            .Message("7689966077685933", "Xin chào chị", "m_G7806MxRRtEYRbaFW9DwQhGzibAfjF_0k8aXBtCrvhCCBUkL2hQxQYVrwMAV-oVdDMDMUsN7b8NAhW6kufP2Mw", 1698637600838)
            .Build();

        Assert.Equal(TestData.Bytes("vietnamese-vector.json"), Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void Sign256_VietnameseVector_MatchesTheDocSignatures()
    {
        var body = TestData.Bytes("vietnamese-vector.json");

        Assert.Equal(328, body.Length);
        Assert.Equal("sha256=a3033249c17f7dd3c01fd6797dbc588f0a000760ed8fed2f2ba3b0436665f106", MetaJson.Sign256(body, "test_app_secret"));
        Assert.Equal("sha1=c3f5a65b09231b06f0d01de6dce3e7d3922af9e9", MetaJson.Sign1(body, "test_app_secret"));
    }

    [Fact]
    public void Sign256_BotbuilderCrlfFixture_MatchesItsRecordedSignature()
    {
        var body = TestData.Bytes("botbuilder-request-response.json");

        Assert.Equal(519, body.Length);
        Assert.Equal("sha256=13870d954c7cb3a6725c7c8dc58260e6eee77d538dafea1a3703dcc2ae21e97f", MetaJson.Sign256(body, "TestAppSecret"));
    }

    [Fact]
    public void Escape_SlashesAndAstralCharacters_AsMetaWritesThem()
    {
        Assert.Equal("""{"u":"https:\/\/x.vn\/a","e":"\ud83d\ude22"}""", MetaJson.Escape("{\"u\":\"https://x.vn/a\",\"e\":\"😢\"}"));
    }

    [Fact]
    public void Build_OutOfOrder_EventsRunBackwardsInTime()
    {
        var body = new MessengerWebhookBuilder("1").Message("2", "a", timestamp: 10).Message("2", "b", timestamp: 20).OutOfOrder().Build();

        Assert.True(body.IndexOf("\"b\"", StringComparison.Ordinal) < body.IndexOf("\"a\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NextEntry_BatchesSeveralEntriesInOneBody()
    {
        var body = new MessengerWebhookBuilder("1").Message("2", "a").NextEntry().Message("3", "b").Build();

        using var document = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(2, document.RootElement.GetProperty("entry").GetArrayLength());
    }
}
