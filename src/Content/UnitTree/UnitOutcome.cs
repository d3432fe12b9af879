namespace Outreach.Content.UnitTree;

/// <summary>How a change to the tree ended.</summary>
public enum UnitOutcomeStatus
{
    /// <summary>Applied (or nothing needed applying); <see cref="UnitOutcome.Unit"/> is the unit as it is now.</summary>
    Done,

    /// <summary>The unit (or the parent, or the survivor) does not exist or lies outside the actor's subtree.</summary>
    NotFound,

    /// <summary>Refused, with a Vietnamese <see cref="UnitOutcome.Error"/> saying why; nothing was changed.</summary>
    Invalid,
}

/// <summary>The result of a tree operation: a value, never an exception, for everything a person can get wrong.</summary>
public sealed record UnitOutcome(UnitOutcomeStatus Status, UnitNode? Unit, string? Error)
{
    public bool IsDone => Status == UnitOutcomeStatus.Done;

    public static UnitOutcome Done(UnitNode unit) => new(UnitOutcomeStatus.Done, unit, null);

    public static UnitOutcome NotFound() => new(UnitOutcomeStatus.NotFound, null, UnitTreeMessages.NotFound);

    public static UnitOutcome Invalid(string error) => new(UnitOutcomeStatus.Invalid, null, error);
}

/// <summary>What a merge moved to the surviving unit.</summary>
public sealed record MergeSummary(int Members, int ChildUnits, int Posts, int StaffAccounts, int Targets, int Results);

/// <summary>The result of a merge: the surviving unit, and what moved to it.</summary>
public sealed record MergeOutcome(UnitOutcome Outcome, MergeSummary? Summary);
