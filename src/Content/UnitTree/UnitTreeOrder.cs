using Outreach.Content.Text;

namespace Outreach.Content.UnitTree;

/// <summary>
/// The order every list and picker of units uses: as the tree, depth first (each unit right under its parent, before the
/// parent's next sibling), siblings by name in Vietnamese order ("Dân Hóa" before "Diên Sanh", "Hòa Trạch" before "Hoàn Lão",
/// "Đ…" after "D…", not by code point), then by id. A unit whose parent is not in the list is a root.
/// </summary>
public static class UnitTreeOrder
{
    /// <summary>Vietnamese collation (ICU's vi-VN): compares names as a Vietnamese reader expects.</summary>
    public static StringComparer Names => VietnameseOrder.Names;

    /// <summary>The units in tree order (see the type).</summary>
    public static List<T> DepthFirst<T>(IEnumerable<T> units, Func<T, long> id, Func<T, long?> parentId, Func<T, string> name)
    {
        ArgumentNullException.ThrowIfNull(units);
        var all = units.ToList();
        var ids = all.Select(id).ToHashSet();
        var children = all.Where(u => parentId(u) is { } p && ids.Contains(p)).ToLookup(u => parentId(u)!.Value);
        var ordered = new List<T>(all.Count);
        var stack = new Stack<T>();
        foreach (var root in Sorted(all.Where(u => parentId(u) is not { } p || !ids.Contains(p)), id, name).Reverse())
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            ordered.Add(unit);
            foreach (var child in Sorted(children[id(unit)], id, name).Reverse())
            {
                stack.Push(child);
            }
        }

        return ordered;
    }

    private static IEnumerable<T> Sorted<T>(IEnumerable<T> units, Func<T, long> id, Func<T, string> name) =>
        units.OrderBy(name, Names).ThenBy(id);
}
