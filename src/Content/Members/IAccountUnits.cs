using Npgsql;

namespace Outreach.Content.Members;

/// <summary>
/// The unit of the channel account (the Facebook Page or Zalo OA) a member wrote to: where she belongs until she chooses
/// (she skipped the registration dialog), and the province whose communes the dialog matches her words against. Today the
/// answer comes from configuration or the top unit (<see cref="ConfiguredAccountUnits"/>); channel accounts kept per unit
/// in the database plug in here later.
/// </summary>
public interface IAccountUnits
{
    /// <summary>The account's unit (active), or null when the installation has no unit yet.</summary>
    Task<AccountUnit?> FindAsync(NpgsqlTransaction transaction, string channel, string accountId, CancellationToken cancellationToken);
}

/// <summary>A channel account's unit: its id, name and level (<c>tinh</c>, <c>xa</c>…).</summary>
public sealed record AccountUnit(long Id, string Name, string Level);
