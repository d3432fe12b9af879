namespace Outreach.Content.Stats;

/// <summary>Where a post can also be published (post_platform_links.platform); each insights source names its platform so.</summary>
public static class PostPlatforms
{
    public const string Facebook = "facebook";

    public const string Zalo = "zalo";
}
