using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.OrgUnits;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>The choices of the post form: topics, channels, and the units of the writer's scope she may address.</summary>
public sealed record PostFormOptions(IReadOnlyList<Topic> Topics, IReadOnlyList<string> Channels, IReadOnlyList<OrgUnit> Units)
{
    /// <summary>
    /// Units down to two levels below hers: choosing a unit includes everything under it, so deeper levels (thousands of
    /// tổ in a province) would only lengthen the page.
    /// </summary>
    public const int UnitLevelsShown = 2;

    public static async Task<PostFormOptions> LoadAsync(StaffSession session, ConsoleStore store, OrgUnitStore units, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(units);
        var topics = await store.TopicsAsync(ct);
        var subtree = await units.GetSubtreeAsync(session.Unit.Id, ct);
        var shown = subtree.Where(u => u.Depth <= session.Unit.Depth + UnitLevelsShown).ToList();
        return new PostFormOptions(topics, ["messenger", "zalo"], TreeOrder(shown, session.Unit.Id));
    }

    // Parents directly above their children, sisters by name (the store returns the subtree level by level).
    private static List<OrgUnit> TreeOrder(List<OrgUnit> units, long rootId)
    {
        var children = units.ToLookup(u => u.ParentId);
        var ordered = new List<OrgUnit>(units.Count);
        var pending = new Stack<OrgUnit>(units.Where(u => u.Id == rootId));
        while (pending.TryPop(out var unit))
        {
            ordered.Add(unit);
            foreach (var child in children[unit.Id].OrderByDescending(u => u.Name, StringComparer.Ordinal))
            {
                pending.Push(child);
            }
        }

        return ordered;
    }
}
