namespace Outreach.Content.Members;

/// <summary>
/// <c>Outreach:AccountUnits</c>: which unit each Page or OA belongs to, by the unit's code. An account not listed belongs to
/// <see cref="DefaultUnitCode"/>, else to the top unit of the tree (the first unit without a parent).
/// </summary>
public sealed class AccountUnitsOptions
{
    public const string Section = "Outreach:AccountUnits";

    /// <summary>The unit code of accounts not listed in <see cref="Accounts"/>.</summary>
    public string? DefaultUnitCode { get; set; }

    public IList<AccountUnitOption> Accounts { get; } = [];
}

/// <summary>One account: its channel ("messenger", "zalo"), its id (page id, oa_id) and its unit's code.</summary>
public sealed class AccountUnitOption
{
    public string? Channel { get; set; }

    public string? AccountId { get; set; }

    public string? UnitCode { get; set; }
}
