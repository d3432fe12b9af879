using Dapper;
using Npgsql;

namespace Outreach.Content.Alerts;

/// <summary>Staff alerts for crisis messages: who, when, which categories, which channel; never what she wrote.</summary>
public sealed partial class CrisisAlertStore(NpgsqlDataSource dataSource)
{
    /// <summary>Records an alert in the turn's transaction (once per inbox event: a retried turn does not alert twice).</summary>
    public async Task RecordAsync(
        NpgsqlTransaction transaction, long? contactId, string channel, CrisisAssessment assessment, long? inboxEventId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(assessment);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO crisis_alerts (contact_id, channel, category, categories, inbox_event_id, created_at)
            VALUES (@contactId, @channel, @category, @categories, @inboxEventId, @at)
            ON CONFLICT (inbox_event_id) WHERE inbox_event_id IS NOT NULL DO NOTHING
            """,
            new
            {
                contactId, channel, category = assessment.Primary.ToAlertName(),
                categories = assessment.Categories.Select(c => c.ToAlertName()).Distinct().ToArray(), inboxEventId, at,
            },
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Alerts no staff member has acknowledged yet, oldest first.</summary>
    public async Task<IReadOnlyList<CrisisAlert>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CrisisAlert>(new CommandDefinition(
            "SELECT id, contact_id, channel, category, categories, created_at FROM crisis_alerts WHERE acknowledged_at IS NULL ORDER BY id",
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Marks an alert as seen by <paramref name="staffId"/>. False when it was already acknowledged or does not exist.</summary>
    public async Task<bool> AcknowledgeAsync(long id, string staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE crisis_alerts SET acknowledged_at = @at, acknowledged_by = @staffId WHERE id = @id AND acknowledged_at IS NULL",
            new { id, staffId, at }, cancellationToken: cancellationToken)) == 1;
    }
}

/// <summary>An open crisis alert as staff see it.</summary>
public sealed record CrisisAlert(long Id, long? ContactId, string Channel, string Category, string[] Categories, DateTimeOffset CreatedAt);
