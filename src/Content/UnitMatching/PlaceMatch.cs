namespace Outreach.Content.UnitMatching;

/// <summary>What a member's words matched.</summary>
public enum PlaceMatchKind
{
    /// <summary>The unit's own (current) name.</summary>
    Current,

    /// <summary>The name of an old commune (before the 2025 reform) that went into this unit.</summary>
    OldCommune,

    /// <summary>The name of an old district whose communes went into this unit (and others).</summary>
    OldDistrict,

    /// <summary>The name of a unit merged into this one in the tree.</summary>
    MergedUnit,
}

/// <summary>
/// A unit a member may have meant, with a score from 0 to 1 (1: the name exactly, without diacritics or with them right;
/// a typo or two costs a few hundredths; old names and districts count a little less than current names). A dialog shows
/// the best few as choices. <see cref="IsSplit"/>: she named an old commune that was split, so each successor is offered;
/// <see cref="MatchedName"/> says what she was matched on ("xã Tân Thành (cũ), thành phố Đồng Xoài").
/// </summary>
public sealed record PlaceMatch(long UnitId, string UnitName, double Score, PlaceMatchKind Kind, string MatchedName, bool IsSplit);
