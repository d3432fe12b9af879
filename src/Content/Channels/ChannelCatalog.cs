namespace Outreach.Content.Channels;

/// <summary>The profiles of the channels this installation serves, by name: the one place their names and display names come from.</summary>
public sealed class ChannelCatalog
{
    private readonly Dictionary<string, ChannelProfile> _byName;

    public ChannelCatalog(IEnumerable<ChannelProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        All = profiles.OrderBy(p => p.IsForTrying).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        _byName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>Every channel, the real ones first.</summary>
    public IReadOnlyList<ChannelProfile> All { get; }

    /// <summary>The channels staff may address a post to on the console (not the ones for trying the bot).</summary>
    public IReadOnlyList<string> Offered => All.Where(p => !p.IsForTrying).Select(p => p.Name).ToList();

    public bool Contains(string name) => _byName.ContainsKey(name);

    public ChannelProfile? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The name staff read ("Messenger", "Zalo"…); an unknown code as it is.</summary>
    public string DisplayName(string name) => _byName.TryGetValue(name, out var profile) ? profile.DisplayName : name;

    /// <summary>How staff read a skip reason a channel's rules gave (its window, its quota), or null for any other reason.</summary>
    public string? ReasonText(string reason) =>
        All.Select(p => p.Window?.Reason == reason ? p.Window.Description : p.Quota?.Reason == reason ? p.Quota.Description : null)
            .FirstOrDefault(text => text is not null);
}
