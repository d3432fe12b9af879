using System.Text.Json;
using Dapper;
using Outreach.Content.Channels;

namespace Outreach.Content.Broadcasts;

/// <summary>
/// Who a post goes to: members on its channels, in its org units or below them (and, always, opted in to the post's topic).
/// One value shared by the planner, the preview, the console and the API, and stored whole (posts.audience, jsonb).
/// A new filter is a property here, its condition in <see cref="Sql"/> with its parameter in <see cref="AddParameters"/>,
/// and its check in <see cref="Problems"/>; then its input on the post form. Nothing else changes (no migration).
/// </summary>
public sealed record Audience
{
    /// <summary>The problems' keys, as the staff API and the post form name the fields.</summary>
    public const string ChannelsField = "channels";

    public const string UnitsField = "audienceUnitIds";

    /// <summary>Channel names (ChannelProfile.Name).</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary>The org units whose members (and their descendants' members) receive the post.</summary>
    public required IReadOnlyList<long> Units { get; init; }

    /// <summary>How the audience is stored and sent over the API: {"channels": [...], "units": [...]}.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The condition over contacts <c>c</c> and their unit <c>u</c> (parameters from <see cref="AddParameters"/>).</summary>
    internal const string Sql = """
        c.channel = ANY(@audienceChannels)
        AND EXISTS (SELECT 1 FROM org_units a WHERE a.id = ANY(@audienceUnits) AND u.path LIKE a.path || '%')
        """;

    /// <summary>An audience from what staff chose (duplicates dropped).</summary>
    public static Audience Of(IEnumerable<string>? channels, IEnumerable<long>? units) => new()
    {
        Channels = (channels ?? []).Distinct(StringComparer.Ordinal).ToArray(),
        Units = (units ?? []).Distinct().ToArray(),
    };

    internal void AddParameters(DynamicParameters parameters) =>
        parameters.AddDynamicParams(new { audienceChannels = Channels.ToArray(), audienceUnits = Units.ToArray() });

    /// <summary>
    /// What is wrong with it, by field, in Vietnamese (empty when nothing): at least one channel this installation serves, at
    /// least one unit. Whether the units are the staff member's own is her scope's question, not the audience's.
    /// </summary>
    public Dictionary<string, string[]> Problems(ChannelCatalog channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Channels.Count == 0 || Channels.Any(c => !channels.Contains(c)))
        {
            var trying = channels.All.Where(c => c.IsForTrying).Select(c => c.Name).ToList();
            problems[ChannelsField] =
            [
                $"Chọn ít nhất một kênh: {string.Join(", ", channels.Offered)}" + (trying.Count > 0 ? $" (hoặc {string.Join(", ", trying)} khi thử)." : "."),
            ];
        }

        if (Units.Count == 0)
        {
            problems[UnitsField] = ["Chọn ít nhất một đơn vị nhận tin."];
        }

        return problems;
    }
}
