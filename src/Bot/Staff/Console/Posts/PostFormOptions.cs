using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>The choices of the post form (<see cref="PostService.ChoicesAsync"/>), its units in tree order.</summary>
public sealed record PostFormOptions(IReadOnlyList<PostTopic> Topics, IReadOnlyList<string> Channels, IReadOnlyList<OrgUnit> Units)
{
    public static async Task<PostFormOptions> LoadAsync(StaffSession session, PostService posts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(posts);
        var choices = await posts.ChoicesAsync(session, ct);
        return new PostFormOptions(choices.Topics, choices.Channels, TreeOrder(choices.Units, session.Unit.Id));
    }

    // Parents directly above their children, sisters by name (the store returns the subtree level by level).
    private static List<OrgUnit> TreeOrder(IReadOnlyList<OrgUnit> units, long rootId)
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
