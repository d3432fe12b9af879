using System.Globalization;

namespace Outreach.Content.Knowledge;

/// <summary>
/// One approval, as the <see cref="KnowledgeItemStore.ChangedChannel"/> notification carries it ("revision:item:version"):
/// the knowledge revision it made, the item and the version now in use. A host whose snapshot is at the revision before
/// loads only that version (<see cref="ContentPacks.ContentPackLoader.ApplyAsync"/>).
/// </summary>
public sealed record KnowledgeApproval(long Revision, long ItemId, int Version)
{
    public string ToPayload() => string.Create(CultureInfo.InvariantCulture, $"{Revision}:{ItemId}:{Version}");

    /// <summary>The change a notification names, or false for an empty or foreign payload (then the host rebuilds in full).</summary>
    public static bool TryParse(string? payload, out KnowledgeApproval change)
    {
        change = null!;
        var parts = (payload ?? "").Split(':');
        if (parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision > 0
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var itemId) && itemId > 0
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            change = new KnowledgeApproval(revision, itemId, version);
            return true;
        }

        return false;
    }
}
