using System.Text;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Core;
using Outreach.Content.Inbox;

namespace Outreach.Bot.Tests.Channels.Messenger;

public sealed class MessengerActivityMapperTests
{
    [Fact]
    public void Text_BecomesAMessageFromTheMemberToThePage()
    {
        var activity = Assert.Single(Map("w01-text.json"));

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("yes", activity.Text);
        Assert.Equal("7689966077685933", activity.From.Id);
        Assert.Equal("134968929707951", activity.Recipient.Id);
        Assert.Equal(MessengerChannel.Name, activity.ChannelId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1698637600838), activity.Timestamp);
        Assert.NotNull(activity.ChannelData);
    }

    [Fact]
    public void QuickReplyTap_MessageWithTitleAsTextAndPayloadAsValue()
    {
        var activity = Assert.Single(Map("w16-quick-reply.json"));

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("<SOME_TEXT>", activity.Text);
        Assert.Equal("<PAYLOAD>", activity.Value);
    }

    [Fact]
    public void Postback_EventWithPayload_AndGetStartedRecognised()
    {
        var postback = Assert.Single(Map("w33-postback.json"));
        var getStarted = Assert.Single(Map("w33-postback.json", getStartedPayload: "USER_DEFINED_PAYLOAD"));

        Assert.Equal((ActivityTypes.Event, ActivityNames.Postback, "USER_DEFINED_PAYLOAD"), (postback.Type, postback.Name, postback.Value));
        Assert.Equal(ActivityNames.GetStarted, getStarted.Name);
    }

    [Fact]
    public void Delivery_EventWithMidsAndWatermark()
    {
        var activity = Assert.Single(Map("w03-delivery.json"));

        Assert.Equal((ActivityTypes.Event, ActivityNames.Delivery, "1698636946713"), (activity.Type, activity.Name, activity.Value));
        Assert.Equal(["m_JOIfPCZ0ZdEfzVAKbf-q7xGzibAfjF_0k8aXBtCrvhBE65I3pgY8x0JgCRNU0ufc-3xww3ZThpaKhO28QgX7Kw"], activity.ReplyToIds);
        Assert.Equal("7689966077685933", activity.From.Id);
    }

    [Fact]
    public void Read_EventWithWatermark()
    {
        var activity = Assert.Single(Map("w04-read.json"));

        Assert.Equal((ActivityNames.Read, "1698636960806"), (activity.Name, activity.Value));
        Assert.Empty(activity.ReplyToIds);
    }

    [Fact]
    public void Reaction_ReferralAndOptin_BecomeTheirEvents()
    {
        var reaction = Assert.Single(Map("w05-reaction.json"));
        var referral = Assert.Single(Map("w25-referral.json"));
        var optin = Assert.Single(Map("w35-plugin-optin.json"));

        Assert.Equal((ActivityNames.Reaction, "sad"), (reaction.Name, reaction.Value));
        Assert.Equal((ActivityNames.Referral, "USER_DEFINED_REFERRAL_PARAM"), (referral.Name, referral.Value));
        Assert.Equal((ActivityNames.OptIn, "PASS_THROUGH_PARAM"), (optin.Name, optin.Value));
    }

    [Fact]
    public void GetStartedWithPostbackReferral_CarriesTheRef_AsDoesAReferralEvent()
    {
        // PLATFORM-MESSENGER.md: a new thread opened from m.me/<page>?ref=… gets Get Started with postback.referral.
        var body = """{"object":"page","entry":[{"id":"707356222221168","time":1522222894827,"messaging":[{"recipient":{"id":"707356222221168"},"timestamp":1522222894827,"sender":{"id":"1476077422222289"},"postback":{"payload":"__GET_STARTED__","referral":{"source":"SHORTLINK","type":"OPEN_THREAD","ref":"dong-xoai"},"title":"Get Started"}}]}]}""";

        var started = Assert.Single(MapBody(Encoding.UTF8.GetBytes(body), "__GET_STARTED__"));
        var referral = Assert.Single(Map("w25-referral.json"));

        Assert.Equal((ActivityNames.GetStarted, "dong-xoai"), (started.Name, started.Referral));
        Assert.Equal("USER_DEFINED_REFERRAL_PARAM", referral.Referral);
    }

    [Fact]
    public void Echo_OfOurOwnSend_GivesNoActivity()
    {
        Assert.Empty(Map("w06-echo.json"));
    }

    [Fact]
    public void Attachments_MediaKeepUrlsLocationBecomesGeoUri()
    {
        var audio = Assert.Single(Assert.Single(Map("w08-audio.json")).Attachments);
        var location = Assert.Single(Assert.Single(Map("w10-location.json")).Attachments);
        var gif = Assert.Single(Assert.Single(Map("w11-gif.json")).Attachments);
        var like = Assert.Single(Assert.Single(Map("w09-like-sticker.json")).Attachments);

        Assert.Equal("audio", audio.ContentType);
        Assert.StartsWith("https://cdn.fbsbx.com/", audio.Url, StringComparison.Ordinal);
        Assert.Equal(("location", "geo:40.740507163823,-74.007804460413", "Kuan's Location"), (location.ContentType, location.Url, location.Name));
        Assert.Equal("image", gif.ContentType);
        Assert.Equal("sticker", like.ContentType);
    }

    [Fact]
    public void Standby_MessageBecomesAStandbyEventTheBotIgnores()
    {
        var activities = Map("w26-standby-and-messaging.json");

        Assert.Equal(3, activities.Count);
        Assert.Equal(2, activities.Count(a => a.Name == MessengerActivityMapper.StandbyName));
        Assert.Single(activities, a => a.Type == ActivityTypes.Message);
    }

    [Fact]
    public void HandoverPolicyAndChanges_ThreadTakenToPageInboxIsATakeover_PassedBackIsARelease()
    {
        var activities = Map("w44-four-events.json");

        Assert.Equal(
            [(ActivityNames.HumanTakeover, MessengerEventKinds.TakeThreadControl), (ActivityNames.HumanRelease, MessengerEventKinds.PassThreadControl),
             (ActivityNames.OptIn, "notification_messages")],
            activities.Select(a => (a.Name, a.Value)));
        Assert.Empty(Map("w38-dashboard-test.json"));
    }

    [Fact]
    public void EchoTypedInPageInbox_IsAHumanTakeover_OurEchoIsNothing()
    {
        var body = (long appId, string? metadata) => Encoding.UTF8.GetBytes(
            "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":5,\"messaging\":[{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"2\"},"
            + "\"timestamp\":1700000000300,\"message\":{\"mid\":\"m_1\",\"text\":\"Chào chị\",\"app_id\":" + appId + ",\"is_echo\":true"
            + (metadata is null ? "" : ",\"metadata\":\"" + metadata + "\"") + "}}]}]}");

        var human = Assert.Single(MapBody(body(263902037430900, null)));
        Assert.Equal((ActivityNames.HumanTakeover, "2"), (human.Name, human.From.Id));
        Assert.Empty(MapBody(body(1929931607227568, null)));
        Assert.Empty(MapBody(body(1929931607227568, "42")));
        Assert.Single(MapBody(body(555, null), appId: "1929931607227568"), a => a.Name == ActivityNames.HumanTakeover);
    }

    [Fact]
    public void StandbyMessage_IsAnInteractionTheBotDoesNotAnswer_StandbyReceiptIsNot()
    {
        var body = Encoding.UTF8.GetBytes(
            """{"object":"page","entry":[{"id":"1","time":5,"standby":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1700000000300,"message":{"mid":"m_s","text":"Chị ơi"}},{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1700000000400,"postback":{"title":"Bắt đầu"}}]}]}""");

        var activities = MapBody(body);

        Assert.Equal([ActivityNames.StandbyInteraction, ActivityNames.StandbyInteraction], activities.Select(a => a.Name));
        Assert.DoesNotContain(activities, a => a.Type == ActivityTypes.Message);
    }

    [Fact]
    public void UnknownKind_GivesNoActivity()
    {
        var body = """{"object":"page","entry":[{"id":"1","time":5,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1700000000300,"brand_new_thing":{"x":1}}]}]}""";

        Assert.Empty(MapBody(Encoding.UTF8.GetBytes(body)));
    }

    private static List<Activity> Map(string file, string getStartedPayload = "GET_STARTED") => MapBody(TestData.Bytes(file), getStartedPayload);

    private static List<Activity> MapBody(byte[] body, string getStartedPayload = "GET_STARTED", string? appId = null) =>
        MessengerWebhookReader.Read(body).Events
            .Select((e, i) => new InboxEvent(i + 1, e.Channel, e.PlatformEventId, e.Kind, e.AccountId, e.SenderId, e.EventTime, e.Payload, 0))
            .SelectMany(row => MessengerActivityMapper.ToActivities(row, getStartedPayload, appId))
            .ToList();
}
