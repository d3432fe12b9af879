using System.Text.Json;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Core;
using Outreach.Emulators.Zalo;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>Every event of the doc's samples through the adapter, as the turn runner calls it.</summary>
public sealed class ZaloActivityMapperTests
{
    [Fact]
    public void UserSendText_DocSampleW1_MessageFromMemberToOa()
    {
        var activity = Assert.Single(Map("w1_user_send_text.json"));

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("message", activity.Text);
        Assert.Equal("96d3cdf3af150460909", activity.Id);
        Assert.Equal("246845883529197922", activity.From.Id);
        Assert.Equal("388613280878808645", activity.Recipient.Id);
        Assert.Equal(ZaloChannel.Name, activity.ChannelId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(154390853474), activity.Timestamp);
        Assert.Equal("user_send_text", activity.ChannelData!.Value.GetProperty("event_name").GetString());
    }

    [Fact]
    public void UserSendText_VietnameseSampleW1c_KeepsTheText() =>
        Assert.Equal("Chị ơi cho em hỏi", Assert.Single(Map("w1c_user_send_text_vietnamese.json")).Text);

    [Theory]
    [InlineData("w3_user_send_image.json", "image", "url_to_thumbnail", null)]
    [InlineData("w3_user_send_gif.json", "image", "url_to_thumbnail", null)]
    [InlineData("w3_user_send_link.json", "link", "link", null)]
    [InlineData("w3_user_send_sticker.json", "sticker", "link", "sticker_id")]
    [InlineData("w3_user_send_audio.json", "audio", "url_to_audio_file", null)]
    [InlineData("w3_user_send_video.json", "video", "url_to_video_file", null)]
    [InlineData("w3_user_send_file.json", "file", "link_to_download_file", "file_name")]
    [InlineData("w4_user_send_image_quote.json", "image", "https://cdn.example/photo.jpg", null)]
    [InlineData("constructed_user_send_location.json", "location", "geo:16.4637,107.5909", null)]
    public void UserSendMedia_DocSamples_MessageWithAttachment(string sample, string contentType, string url, string? name)
    {
        var activity = Assert.Single(Map(sample));

        Assert.Equal(ActivityTypes.Message, activity.Type);
        var attachment = Assert.Single(activity.Attachments);
        Assert.Equal(contentType, attachment.ContentType);
        Assert.Equal(url, attachment.Url);
        Assert.Equal(name, attachment.Name);
    }

    [Fact]
    public void UserSendLink_DocSample_DescriptionBecomesTitleAndTextIsKept()
    {
        var activity = Assert.Single(Map("w3_user_send_link.json"));

        Assert.Equal("This is testing message", activity.Text);
        Assert.Equal("description_of_link", Assert.Single(activity.Attachments).Title);
    }

    [Theory]
    [InlineData("w2_follow.json", ActivityNames.Follow)]
    [InlineData("constructed_unfollow.json", ActivityNames.Unfollow)]
    public void FollowAndUnfollow_DocSamples_ConversationUpdateFromFollower(string sample, string name)
    {
        var activity = Assert.Single(Map(sample));

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal(name, activity.Name);
        Assert.Equal("24684588352919792", activity.From.Id);
        Assert.Equal("388613280879808645", activity.Recipient.Id);
    }

    [Fact]
    public void UserClickChatNow_DocSampleW7c_GetStartedFromUserId()
    {
        var activity = Assert.Single(Map("w7c_user_click_chatnow.json"));

        Assert.Equal((ActivityTypes.Event, ActivityNames.GetStarted), (activity.Type, activity.Name));
        Assert.Equal("246845883529197922", activity.From.Id);
        Assert.Equal("388613280878808645", activity.Recipient.Id);
    }

    [Fact]
    public void UserSubmitInfo_CurrentShapeW6_FlatFieldsAsJson()
    {
        var activity = Assert.Single(Map("w6_user_submit_info.json"));

        Assert.Equal((ActivityTypes.Event, ActivityNames.SubmitInfo), (activity.Type, activity.Name));
        Assert.Equal("246845883529697922", activity.From.Id);
        var value = JsonDocument.Parse(activity.Value!).RootElement;
        Assert.Equal("Name Example", value.GetProperty("name").GetString());
        Assert.Equal("84912345678", value.GetProperty("phone").GetString());
        Assert.Equal("30/10/1999", value.GetProperty("dob").GetString());
        Assert.Equal("Nam", value.GetProperty("gender").GetString());
        Assert.Equal("Thành phố Hồ Chí Minh", value.GetProperty("city").GetString());
        Assert.Equal("Phường Tân Thuận", value.GetProperty("ward").GetString());
        Assert.Equal("Đường số 13, KCX Tân Thuận Đông", value.GetProperty("address").GetString());
    }

    [Fact]
    public void UserSubmitInfo_OlderShape_SameFlatFields()
    {
        var value = JsonDocument.Parse(Assert.Single(Map("constructed_user_submit_info_old_shape.json")).Value!).RootElement;

        Assert.Equal("Nguyễn Thị Lan", value.GetProperty("name").GetString());
        Assert.Equal("Số 5 Lê Lợi", value.GetProperty("address").GetString());
        Assert.Equal("Phường Phú Hội", value.GetProperty("ward").GetString());
        Assert.Equal("Quận Thuận Hóa", value.GetProperty("district").GetString());
        Assert.Equal("Thành phố Huế", value.GetProperty("city").GetString());
        Assert.False(value.TryGetProperty("dob", out _));
    }

    [Fact]
    public void UserReceivedMessage_DocSampleW7b_DeliveryFromMemberNamingOurMessage()
    {
        var activity = Assert.Single(Map("w7b_user_received_message.json"));

        Assert.Equal((ActivityTypes.Event, ActivityNames.Delivery), (activity.Type, activity.Name));
        Assert.Equal(["63ecf43f0df7dba892e6"], activity.ReplyToIds);
        Assert.Equal("246845883529197922", activity.From.Id);
        Assert.Equal("388613280878808645", activity.Recipient.Id);
    }

    [Theory]
    [InlineData("w7_user_seen_message.json", new[] { "63ecf43f0df7dba892e6", "a4d0243feee163bd3af2" })]
    [InlineData("constructed_user_seen_message_single_id.json", new[] { "63ecf43f0df7dba892e6" })]
    public void UserSeenMessage_ArrayOrSingleId_ReadNamingEveryMessage(string sample, string[] ids)
    {
        var activity = Assert.Single(Map(sample));

        Assert.Equal((ActivityTypes.Event, ActivityNames.Read), (activity.Type, activity.Name));
        Assert.Equal(ids, activity.ReplyToIds);
        Assert.Equal("246845883529197922", activity.From.Id);
    }

    [Theory]
    [InlineData("w3_oa_send_text.json")]
    [InlineData("w3_oa_send_image.json")]
    [InlineData("w3_oa_send_list.json")]
    [InlineData("w5_add_user_to_tag.json")]
    public void EchoesAndUnknownEvents_NoActivity(string sample) => Assert.Empty(Map(sample));

    [Fact]
    public void EveryDocWebhookSample_IsReadWithoutError()
    {
        var samples = ZaloSamples.Named("w").Concat(ZaloSamples.Named("constructed_")).ToList();

        Assert.True(samples.Count >= 25);
        Assert.All(samples, sample => Map(sample));
    }

    private static IReadOnlyList<Activity> Map(string sample) => ZaloActivityMapper.FromPayload(ZaloSamples.Text(sample));
}
