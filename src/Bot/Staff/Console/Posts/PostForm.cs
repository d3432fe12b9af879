using Outreach.Bot.Staff.Apis;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>What the post form posts; it becomes the same <see cref="PostRequest"/> the JSON API takes, checked by the same
/// rules.</summary>
public sealed class PostForm
{
    public const string PreviewIntent = "preview";

    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? LinkUrl { get; set; }

    public string? Topic { get; set; }

    public bool IsPromotional { get; set; }

    public string[] Channels { get; set; } = [];

    public long[] AudienceUnitIds { get; set; } = [];

    /// <summary>"preview" shows the post as members will see it without saving; anything else saves.</summary>
    public string? Intent { get; set; }

    public bool IsPreview => Intent == PreviewIntent;

    public PostRequest ToRequest() => new(Title, Body, LinkUrl, Topic, IsPromotional, Channels, AudienceUnitIds, null);

    public static PostForm From(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new PostForm
        {
            Title = post.Title,
            Body = post.Body,
            LinkUrl = post.LinkUrl,
            Topic = post.Topic,
            IsPromotional = post.IsPromotional,
            Channels = [.. post.Audience.Channels],
            AudienceUnitIds = [.. post.Audience.Units],
        };
    }

    /// <summary>A new post starts promotional (quiet hours apply), on Messenger and Zalo, for the writer's own unit.</summary>
    public static PostForm New(long unitId) => new() { IsPromotional = true, Channels = ["messenger", "zalo"], AudienceUnitIds = [unitId] };

    /// <summary>The post as it would be saved, for the preview; fields not filled in yet preview as empty.</summary>
    public Post ToDraft(long orgUnitId) => new()
    {
        OrgUnitId = orgUnitId,
        Title = Title?.Trim() ?? "",
        Body = Body?.Trim() ?? "",
        LinkUrl = string.IsNullOrWhiteSpace(LinkUrl) ? null : LinkUrl.Trim(),
        Topic = Topic ?? "",
        IsPromotional = IsPromotional,
        Audience = Audience.Of(Channels.Where(PostRequestRules.KnownChannels.Contains), AudienceUnitIds),
    };
}
