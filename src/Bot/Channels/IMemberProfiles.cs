namespace Outreach.Bot.Channels;

/// <summary>
/// A channel's profile lookup: the name the platform shows for a member (Messenger's User Profile API, Zalo's user detail).
/// Optional for a channel (WebChat has none). Never throws for a platform refusal or a network failure: every answer becomes
/// a <see cref="ProfileLookup"/>.
/// </summary>
public interface IMemberProfiles
{
    /// <summary>The channel's stored name (<c>messenger</c>, <c>zalo</c>).</summary>
    string Channel { get; }

    Task<ProfileLookup> LookupAsync(string accountId, string platformUserId, CancellationToken cancellationToken);
}

/// <summary>What a lookup found: a name, a lasting refusal (no profile, no permission: asked again only at the next refresh), or a failure to retry.</summary>
public sealed record ProfileLookup(ProfileLookupResult Result, string? Name, string Outcome)
{
    public static ProfileLookup Found(string name) => new(ProfileLookupResult.Found, name, "found");

    public static ProfileLookup Refused(string outcome) => new(ProfileLookupResult.Refused, null, outcome);

    public static ProfileLookup Retry(string outcome) => new(ProfileLookupResult.Retry, null, outcome);
}

public enum ProfileLookupResult
{
    Found,
    Refused,
    Retry,
}
