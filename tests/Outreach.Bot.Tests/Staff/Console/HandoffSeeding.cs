using System.Globalization;
using Outreach.Content.Alerts;
using Outreach.Content.Contacts;
using Outreach.Content.Handoffs;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>Members who asked for staff (or wrote a crisis message), put into a <see cref="ConsoleWorld"/> by the product's stores.</summary>
internal static class HandoffSeeding
{
    /// <summary>A web chat member of <paramref name="unitId"/> (null: no unit) who last wrote <paramref name="lastWrote"/> ago, with an
    /// open handoff (and a crisis alert when <paramref name="crisis"/>).</summary>
    public static async Task<SeededHandoff> OpenHandoffAsync(
        this ConsoleWorld world, string userId, long? unitId, bool crisis = false, TimeSpan? lastWrote = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var at = TimeProvider.System.GetUtcNow() - (lastWrote ?? TimeSpan.FromMinutes(5));
        var contacts = new ContactStore(world.Database.DataSource);
        await using var connection = await world.Database.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var contact = await contacts.UpsertAsync(tx, "webchat", "local", userId, at, ct);
        var reason = crisis ? HandoffReasons.Crisis : HandoffReasons.Member;
        var (handoff, _) = await new HandoffStore(world.Database.DataSource).RequestAsync(tx, contact.Id, reason, at, ct);
        if (crisis)
        {
            await new CrisisAlertStore(world.Database.DataSource).RecordAsync(
                tx, contact.Id, "webchat", new CrisisAssessment([CrisisCategory.Danger], false), null, at, ct);
        }

        await tx.CommitAsync(ct);
        await contacts.SetOrgUnitAsync(contact.Id, unitId, ct);
        var alertId = crisis
            ? await world.ScalarAsync<long>("SELECT id FROM crisis_alerts WHERE contact_id = @id", new { id = contact.Id })
            : (long?)null;
        return new SeededHandoff(contact.Id, handoff.Id, alertId);
    }

    public static Task<string> StatusAsync(this ConsoleWorld world, long handoffId) =>
        world.ScalarAsync<string>("SELECT status FROM handoffs WHERE id = @handoffId", new { handoffId });
}

/// <summary>A seeded member's contact, handoff and crisis alert ids, and the console's addresses for them.</summary>
internal sealed record SeededHandoff(long ContactId, long HandoffId, long? AlertId)
{
    public string Page => "/staff/handoffs/" + HandoffId.ToString(CultureInfo.InvariantCulture);

    public string Action(string action) => Page + "/" + action;

    public string AlertDone => "/staff/handoffs/alerts/" + AlertId!.Value.ToString(CultureInfo.InvariantCulture) + "/done";

    /// <summary>The row of this handoff in the queue (its marker attribute).</summary>
    public string Row => "data-handoff-id=\"" + HandoffId.ToString(CultureInfo.InvariantCulture) + "\"";
}
