namespace Outreach.Content.Members;

/// <summary>How a staff action on a member ended.</summary>
public enum MemberOutcomeStatus
{
    Done,

    /// <summary>The member (or the unit) does not exist or lies outside the actor's subtree.</summary>
    NotFound,

    /// <summary>Refused, with a Vietnamese <see cref="MemberOutcome.Error"/>; nothing was changed.</summary>
    Invalid,
}

/// <summary>The result of a staff action on a member.</summary>
public sealed record MemberOutcome(MemberOutcomeStatus Status, string? Error)
{
    public bool IsDone => Status == MemberOutcomeStatus.Done;

    public static MemberOutcome Done { get; } = new(MemberOutcomeStatus.Done, null);

    public static MemberOutcome NotFound { get; } = new(MemberOutcomeStatus.NotFound, "Không tìm thấy hội viên hoặc đơn vị (hoặc nằm ngoài phạm vi quản lý của bạn).");

    public static MemberOutcome Invalid(string error) => new(MemberOutcomeStatus.Invalid, error);
}

/// <summary>Where a member's own choice (a link's ref, a join code, the registration dialog) put her.</summary>
public enum PlacementStatus
{
    /// <summary>She now belongs to <see cref="Placement.Unit"/> (a merged unit's survivor when she named a merged unit).</summary>
    Placed,

    /// <summary>No such unit: nothing changed (the dialog asks her instead).</summary>
    UnitNotFound,

    /// <summary>The unit is deactivated and takes no new members: nothing changed.</summary>
    UnitInactive,

    /// <summary>No such contact, or her data was erased.</summary>
    ContactNotFound,
}

/// <summary>The result of placing a member in a unit.</summary>
public sealed record Placement(PlacementStatus Status, long? UnitId, string? UnitName)
{
    public bool IsPlaced => Status == PlacementStatus.Placed;
}
