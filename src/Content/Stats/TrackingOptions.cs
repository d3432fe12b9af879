using Microsoft.Extensions.Options;

namespace Outreach.Content.Stats;

/// <summary>
/// Tracked links (section <c>Outreach:Tracking</c>). While <see cref="PublicBaseUrl"/> is unset, broadcasts carry the post's
/// link as written and clicks are not counted. Once it is set, <see cref="SigningKey"/> is required: tokens are
/// HMAC-SHA256 signed with it, so they can be neither forged nor guessed.
/// </summary>
public sealed class TrackingOptions
{
    public const string Section = "Outreach:Tracking";

    /// <summary>The gateway's public address members' phones reach, e.g. https://outreach.hoilhpn.example (links become {it}/r/{token}).</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The HMAC key, at least 32 characters. Secret: from configuration, never the repo.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Keys used before a rotation: links already sent keep working.</summary>
    public IList<string> PreviousSigningKeys { get; } = [];

    /// <summary>
    /// User-Agent fragments of link-preview crawlers (Meta's fetches every link put in a message). Their requests are
    /// redirected but not counted as clicks. Empty (the default) means <see cref="DefaultPreviewUserAgents"/>.
    /// </summary>
    public IList<string> PreviewUserAgents { get; } = [];

    /// <summary>facebookexternalhit and Facebot, Meta's crawlers.</summary>
    public static IReadOnlyList<string> DefaultPreviewUserAgents { get; } = ["facebookexternalhit", "Facebot"];

    public IReadOnlyList<string> EffectivePreviewUserAgents => PreviewUserAgents.Count > 0 ? [.. PreviewUserAgents] : DefaultPreviewUserAgents;

    /// <summary>
    /// A delivery's link opened again within this many minutes of its last counted click is not counted again (default 60; 0
    /// counts every opening). Reloads, double taps and replays of the same link are one lượt.
    /// </summary>
    public int ClickWindowMinutes { get; set; } = 60;

    public bool IsEnabled => PublicBaseUrl is not null;
}

/// <summary>Start-up checks of <see cref="TrackingOptions"/>: a public address needs a strong key, and must be http(s).</summary>
public sealed class TrackingOptionsValidator : IValidateOptions<TrackingOptions>
{
    public const int MinKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, TrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.ClickWindowMinutes is < 0 or > 10_080)
        {
            failures.Add("Outreach:Tracking:ClickWindowMinutes phải từ 0 đến 10080 (một tuần).");
        }

        if (options.PublicBaseUrl is { IsAbsoluteUri: false } or { Scheme: not ("http" or "https") })
        {
            failures.Add("Outreach:Tracking:PublicBaseUrl phải là địa chỉ http(s) đầy đủ.");
        }

        if (options.SigningKey is not { Length: >= MinKeyLength } || options.PreviousSigningKeys.Any(k => k.Length < MinKeyLength))
        {
            failures.Add($"Outreach:Tracking:SigningKey (và các khóa cũ) cần ít nhất {MinKeyLength} ký tự khi đã đặt PublicBaseUrl.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
