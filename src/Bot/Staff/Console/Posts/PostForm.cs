using Outreach.Bot.Staff.Posts;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>What the post form posts; it becomes the same <see cref="PostRequest"/> the JSON API takes, checked by the same service.</summary>
public sealed class PostForm
{
    public const string PreviewIntent = "preview";

    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? LinkUrl { get; set; }

    public string? Topic { get; set; }

    public bool IsPromotional { get; set; }

    /// <summary>The audience's channels (<see cref="Audience.Channels"/>).</summary>
    public string[] Channels { get; set; } = [];

    /// <summary>The audience's units (<see cref="Audience.Units"/>).</summary>
    public long[] AudienceUnitIds { get; set; } = [];

    /// <summary>Where the post goes (<see cref="PostDestinations"/>).</summary>
    public string[] Destinations { get => _destinations; set => _destinations = value ?? []; }

    private string[] _destinations = [];

    /// <summary>
    /// True when the form showed the destination boxes (a hidden field): then none ticked is a problem; a form posted without
    /// them (an older page still open) keeps the message broadcast, as before destinations existed.
    /// </summary>
    public bool DestinationsShown { get; set; }

    /// <summary>"preview" shows the post as members will see it without saving; anything else saves.</summary>
    public string? Intent { get; set; }

    public bool IsPreview => Intent == PreviewIntent;

    /// <summary>The audience chosen on the form (a new filter: its field above, and here).</summary>
    public Audience Audience => Audience.Of(Channels, AudienceUnitIds);

    public PostRequest ToRequest() =>
        new(Title, Body, LinkUrl, Topic, IsPromotional, null, null, null, Audience, Destinations.Length > 0 || DestinationsShown ? Destinations : null);

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
            Destinations = [.. post.Destinations],
        };
    }

    /// <summary>A new post starts promotional (quiet hours apply), on the channels staff address, for the writer's own unit.</summary>
    public static PostForm New(long unitId, IEnumerable<string> channels) =>
        new() { IsPromotional = true, Channels = [.. channels], AudienceUnitIds = [unitId], Destinations = [PostDestinations.Messages] };

    /// <summary>The post as it would be saved, for the preview; fields not filled in yet preview as empty.</summary>
    public Post ToDraft(long orgUnitId, Func<string, bool> isChannel) => new()
    {
        OrgUnitId = orgUnitId,
        Title = Title?.Trim() ?? "",
        Body = Body?.Trim() ?? "",
        LinkUrl = string.IsNullOrWhiteSpace(LinkUrl) ? null : LinkUrl.Trim(),
        Topic = Topic ?? "",
        IsPromotional = IsPromotional,
        Audience = Audience with { Channels = Audience.Channels.Where(isChannel).ToArray() },
        Destinations = Destinations.Where(PostDestinations.IsKnown).Distinct(StringComparer.Ordinal).ToArray(),
    };
}
