using Outreach.Content.Text;

namespace Outreach.Content.UnitMatching;

/// <summary>One name a member may type for a place of the province, and the units it stands for.</summary>
internal sealed record PlaceEntry(
    string Folded,
    TextToken[] Tokens,
    string? Kind,
    PlaceMatchKind MatchKind,
    long[] Units,
    string Display,
    string? DistrictFolded,
    int DistrictTokens,
    bool IsSplit,
    bool IsLowConfidence)
{
    public int TokenCount => Tokens.Length;

    /// <summary>How much a match on this kind of name is worth against a current name.</summary>
    public double Weight => MatchKind switch
    {
        PlaceMatchKind.Current => 1.0,
        PlaceMatchKind.MergedUnit => 0.98,
        PlaceMatchKind.OldCommune => IsLowConfidence ? 0.91 : 0.96,
        _ => 0.85,
    };
}

/// <summary>A commune-level unit of the province as the index needs it (a merged one names the unit it went into).</summary>
public sealed record PlaceUnit(long Id, string Name, string? AdminCode, long? MergedIntoId);
