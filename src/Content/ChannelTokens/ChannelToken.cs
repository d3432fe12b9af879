namespace Outreach.Content.ChannelTokens;

/// <summary>
/// A channel account's OAuth tokens as stored. <see cref="Version"/> grows with every rotation, so a caller that saw a
/// stale token can tell whether someone else already refreshed it.
/// </summary>
public sealed record ChannelToken(
    string Channel,
    string AccountId,
    string? AccessToken,
    DateTimeOffset? AccessExpiresAt,
    string RefreshToken,
    long Version,
    string? LastError)
{
    /// <summary>True when there is an access token that stays valid for at least <paramref name="margin"/> after <paramref name="now"/>.</summary>
    public bool IsFresh(DateTimeOffset now, TimeSpan margin) =>
        AccessToken is { Length: > 0 } && AccessExpiresAt is { } expires && expires - margin > now;
}

/// <summary>What a token exchange returned: a new pair, or the platform's refusal.</summary>
public sealed record TokenExchange(string? AccessToken, DateTimeOffset? AccessExpiresAt, string? RefreshToken, string? Error)
{
    public bool IsGranted => AccessToken is { Length: > 0 } && RefreshToken is { Length: > 0 } && AccessExpiresAt is not null;

    public static TokenExchange Granted(string accessToken, DateTimeOffset accessExpiresAt, string refreshToken) =>
        new(accessToken, accessExpiresAt, refreshToken, null);

    public static TokenExchange Refused(string error) => new(null, null, null, error);
}

/// <summary>
/// The outcome of <see cref="ChannelTokenStore.RotateAsync"/>: the token to use now (rotated here or by another host), or
/// the refusal (<see cref="Error"/>) with the unchanged row.
/// </summary>
public sealed record TokenRotation(ChannelToken Token, bool RotatedHere, string? Error);
