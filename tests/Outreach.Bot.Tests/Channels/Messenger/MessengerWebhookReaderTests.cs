using System.Text;
using System.Text.Json;
using Outreach.Bot.Channels.Messenger;

namespace Outreach.Bot.Tests.Channels.Messenger;

public sealed class MessengerWebhookReaderTests
{
    [Fact]
    public void Read_RealTextCapture_OneMessageKeyedByMid()
    {
        var batch = MessengerWebhookReader.Read(TestData.Bytes("w01-text.json"));

        var e = Assert.Single(batch.Events);
        Assert.Equal("messenger", e.Channel);
        Assert.Equal(MessengerEventKinds.Message, e.Kind);
        Assert.Equal("m_G7806MxRRtEYRbaFW9DwQhGzibAfjF_0k8aXBtCrvhCCBUkL2hQxQYVrwMAV-oVdDMDMUsN7b8NAhW6kufP2Mw", e.PlatformEventId);
        Assert.Equal("134968929707951", e.AccountId);
        Assert.Equal("7689966077685933", e.SenderId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1698637600838), e.EventTime);
    }

    [Fact]
    public void Read_VietnameseVector_StoresTheEventWithItsEscapesIntact()
    {
        var e = Assert.Single(MessengerWebhookReader.Read(TestData.Bytes("vietnamese-vector.json")).Events);

        using var payload = JsonDocument.Parse(e.Payload);
        Assert.Equal("Xin chào chị", payload.RootElement.GetProperty("event").GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("134968929707951", payload.RootElement.GetProperty("page").GetString());
        Assert.False(payload.RootElement.GetProperty("standby").GetBoolean());
    }

    [Fact]
    public void Read_Echo_MemberIsTheRecipientAndPageTheSender()
    {
        var e = Assert.Single(MessengerWebhookReader.Read(TestData.Bytes("w06-echo.json")).Events);

        Assert.Equal(MessengerEventKinds.Echo, e.Kind);
        Assert.Equal("101457812431751", e.AccountId);
        Assert.Equal("24959525500305070", e.SenderId);
    }

    [Fact]
    public void Read_NumericIds2016_ReadAsStrings()
    {
        var e = Assert.Single(MessengerWebhookReader.Read(TestData.Bytes("w07-numeric-ids.json")).Events);

        Assert.Equal("510512709009335", e.AccountId);
        Assert.Equal("353463854777868", e.SenderId);
        Assert.Equal("mid.1462830984670:67a9aebe4cecfdb528", e.PlatformEventId);
    }

    [Fact]
    public void Read_DeliveryAndRead_KeyedByHashStableAcrossRedeliveries()
    {
        var first = Assert.Single(MessengerWebhookReader.Read(TestData.Bytes("w03-delivery.json")).Events);
        var again = Assert.Single(MessengerWebhookReader.Read(TestData.Bytes("w03-delivery.json")).Events);
        var read = Assert.Single(MessengerWebhookReader.Read(TestData.Bytes("w04-read.json")).Events);

        Assert.StartsWith("delivery:", first.PlatformEventId, StringComparison.Ordinal);
        Assert.Equal(first.PlatformEventId, again.PlatformEventId);
        Assert.StartsWith("read:", read.PlatformEventId, StringComparison.Ordinal);
        Assert.Equal("7689966077685933", read.SenderId);
    }

    [Fact]
    public void Read_DeliveryWithoutTimestamp_UsesTheEntryTime()
    {
        var e = Assert.Single(MessengerWebhookReader.Read(TestData.Bytes("w34-delivery-no-timestamp.json")).Events);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1458668856451), e.EventTime);
    }

    [Fact]
    public void Read_BatchOfTwoEntries_EveryEventStored()
    {
        var batch = MessengerWebhookReader.Read(TestData.Bytes("w37-batch.json"));

        Assert.Equal(["mid.1486464322190:cb04e5a654", "mid.1486464322190:cb04e5a656"], batch.Events.Select(e => e.PlatformEventId));
        Assert.All(batch.Events, e => Assert.Equal("1895382890692545", e.AccountId));
    }

    [Fact]
    public void Read_EntryWithStandbyAndMessaging_AllThreeStoredAndStandbyFlagged()
    {
        var batch = MessengerWebhookReader.Read(TestData.Bytes("w26-standby-and-messaging.json"));

        Assert.Equal(3, batch.Events.Count);
        Assert.Equal(2, batch.Events.Count(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("standby").GetBoolean()));
        Assert.Equal(2, batch.UnknownKinds.Count);
    }

    [Fact]
    public void Read_FourEventsInOneMessagingArray_AllStoredByTimestamp()
    {
        var batch = MessengerWebhookReader.Read(TestData.Bytes("w44-four-events.json"));

        Assert.Equal(
            [MessengerEventKinds.TakeThreadControl, MessengerEventKinds.PassThreadControl, MessengerEventKinds.PolicyEnforcement, MessengerEventKinds.Optin],
            batch.Events.Select(e => e.Kind));
        Assert.Null(batch.Events[2].SenderId);
    }

    [Fact]
    public void Read_OutOfOrderEvents_SortedByTheirTimestamp()
    {
        var body = """{"object":"page","entry":[{"id":"1","time":5,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1700000000300,"message":{"mid":"m_c","text":"c"}},{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1700000000100,"message":{"mid":"m_a","text":"a"}}]},{"id":"1","time":6,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1700000000200,"message":{"mid":"m_b","text":"b"}}]}]}""";

        var batch = MessengerWebhookReader.Read(Encoding.UTF8.GetBytes(body));

        Assert.Equal(["m_a", "m_b", "m_c"], batch.Events.Select(e => e.PlatformEventId));
    }

    [Fact]
    public void Read_DashboardTestPing_StoredAsAChange()
    {
        var e = Assert.Single(MessengerWebhookReader.Read(TestData.Bytes("w38-dashboard-test.json")).Events);

        Assert.Equal(MessengerEventKinds.Change, e.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1514862760), e.EventTime);
    }

    [Fact]
    public void Read_TextWithNulCharacter_ReadAndKeptForTheInboxToMakeSafe()
    {
        var body = """{"object":"page","entry":[{"id":"1","time":5,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1700000000300,"message":{"mid":"m_z","text":"a\u0000b"}}]}]}""";

        var e = Assert.Single(MessengerWebhookReader.Read(Encoding.UTF8.GetBytes(body)).Events);

        Assert.Equal("m_z", e.PlatformEventId);
        Assert.Equal("a\uFFFDb", JsonDocument.Parse(Outreach.Content.Inbox.JsonbText.Safe(e.Payload)).RootElement
            .GetProperty("event").GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Read_UnknownEventKey_StoredAndReported()
    {
        var body = """{"object":"page","entry":[{"id":"1","time":5,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1700000000300,"brand_new_thing":{"x":1}}]}]}""";

        var batch = MessengerWebhookReader.Read(Encoding.UTF8.GetBytes(body));

        Assert.Equal(MessengerEventKinds.Unknown, Assert.Single(batch.Events).Kind);
        Assert.Equal("brand_new_thing", Assert.Single(batch.UnknownKinds));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"object\":\"page\"}")]
    [InlineData("{\"object\":\"page\",\"entry\":[1]}")]
    [InlineData("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"messaging\":[\"x\"]}]}")]
    public void Read_JsonThatIsNotAWebhook_Throws(string body)
    {
        Assert.Throws<FormatException>(() => MessengerWebhookReader.Read(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Read_InstagramObject_NothingStored()
    {
        var batch = MessengerWebhookReader.Read(Encoding.UTF8.GetBytes("""{"object":"instagram","entry":[{"id":"1","messaging":[{"message":{"mid":"x"}}]}]}"""));

        Assert.Empty(batch.Events);
        Assert.Equal("instagram", batch.ObjectType);
    }
}
