using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Outreach.Content.Broadcasts;

namespace Outreach.Benchmarks;

/// <summary>
/// Ways of writing a batch of broadcast outcomes (the recorder's write), compared by the "outcomes" scenario. "Before" is
/// DeliveryStore.RecordAsync as it was at b3d4c73, kept verbatim; the others are the options bench/README named.
/// </summary>
internal static class OutcomeWrites
{
    public delegate Task Write(NpgsqlDataSource dataSource, long broadcastId, IReadOnlyList<DeliveryResult> results, DateTimeOffset now);

    /// <summary>reach_events' three foreign keys as they were before migration 0205 (NOT VALID: enforced for new rows only).</summary>
    public const string RestoreForeignKeys = """
        ALTER TABLE reach_events DISABLE TRIGGER reach_events_check_references_trg;
        ALTER TABLE reach_events
            ADD CONSTRAINT reach_events_broadcast_id_fkey FOREIGN KEY (broadcast_id) REFERENCES broadcasts (id) NOT VALID,
            ADD CONSTRAINT reach_events_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES contacts (id) NOT VALID,
            ADD CONSTRAINT reach_events_org_unit_id_fkey FOREIGN KEY (org_unit_id) REFERENCES org_units (id) NOT VALID;
        """;

    public const string DropForeignKeys = """
        ALTER TABLE reach_events DROP CONSTRAINT reach_events_broadcast_id_fkey, DROP CONSTRAINT reach_events_contact_id_fkey,
            DROP CONSTRAINT reach_events_org_unit_id_fkey;
        ALTER TABLE reach_events ENABLE TRIGGER reach_events_check_references_trg;
        """;

    public const string DropIndexes = "DROP INDEX deliveries_contact_sent_idx; DROP INDEX deliveries_platform_id_idx;";

    public const string RestoreIndexes = """
        CREATE INDEX deliveries_contact_sent_idx ON deliveries (contact_id, sent_at) WHERE sent_at IS NOT NULL;
        CREATE INDEX deliveries_platform_id_idx ON deliveries (platform_message_id) WHERE platform_message_id IS NOT NULL;
        """;

    private const string Unflushed = "SELECT set_config('synchronous_commit', 'off', true);\n";

    // The statement itself, as at b3d4c73 (the variants differ in how it reaches the server, or in what it touches).
    private const string Record = """
        WITH recorded AS (
            UPDATE deliveries d
            SET status = r.status, skip_reason = r.reason, platform_message_id = r.platform_id, error_code = r.error,
                not_before = r.not_before,
                sent_at = CASE WHEN r.status = 'sent' THEN @now ELSE d.sent_at END, updated_at = @now
            FROM unnest(@contactIds, @statuses, @reasons, @platformIds, @errors, @notBefores)
                 AS r(contact_id, status, reason, platform_id, error, not_before)
            WHERE d.broadcast_id = @broadcastId AND d.contact_id = r.contact_id AND d.status = 'sending'
            RETURNING d.broadcast_id, d.contact_id, d.org_unit_id, d.channel, d.status
        )
        INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at)
        SELECT 'sent', broadcast_id, contact_id, org_unit_id, channel, @now FROM recorded WHERE status = 'sent'
        """;

    private const string RecordWithoutReach = """
        UPDATE deliveries d
        SET status = r.status, skip_reason = r.reason, platform_message_id = r.platform_id, error_code = r.error,
            not_before = r.not_before,
            sent_at = CASE WHEN r.status = 'sent' THEN @now ELSE d.sent_at END, updated_at = @now
        FROM unnest(@contactIds, @statuses, @reasons, @platformIds, @errors, @notBefores)
             AS r(contact_id, status, reason, platform_id, error, not_before)
        WHERE d.broadcast_id = @broadcastId AND d.contact_id = r.contact_id AND d.status = 'sending'
        """;

    /// <summary>b3d4c73: a transaction, SET LOCAL synchronous_commit = off, the statement, COMMIT (three round trips).</summary>
    public static async Task BeforeAsync(NpgsqlDataSource dataSource, long broadcastId, IReadOnlyList<DeliveryResult> results, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL synchronous_commit = off", transaction: transaction);
        await connection.ExecuteAsync(new CommandDefinition(Record, Args(broadcastId, results, now), transaction));
        await transaction.CommitAsync();
    }

    /// <summary>The same statement and setting sent as one batch (one round trip, one implicit transaction).</summary>
    public static async Task OneRoundTripAsync(NpgsqlDataSource dataSource, long broadcastId, IReadOnlyList<DeliveryResult> results, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition(Unflushed + Record, Args(broadcastId, results, now)));
    }

    /// <summary>As <see cref="OneRoundTripAsync"/> without the reach event (what the event costs; not a product option).</summary>
    public static async Task WithoutReachEventAsync(NpgsqlDataSource dataSource, long broadcastId, IReadOnlyList<DeliveryResult> results, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition(Unflushed + RecordWithoutReach, Args(broadcastId, results, now)));
    }

    /// <summary>COPY (binary) into a temporary table, then one UPDATE … FROM it with the reach events, in one transaction.</summary>
    public static async Task CopyAsync(NpgsqlDataSource dataSource, long broadcastId, IReadOnlyList<DeliveryResult> results, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            SET LOCAL synchronous_commit = off;
            CREATE TEMP TABLE IF NOT EXISTS outcome_stage (
                contact_id bigint, status text, reason text, platform_id text, error text, not_before timestamptz) ON COMMIT DELETE ROWS;
            """,
            transaction: transaction);
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY outcome_stage (contact_id, status, reason, platform_id, error, not_before) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in results)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.ContactId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(r.Status, NpgsqlDbType.Text);
                await WriteNullableAsync(copy, r.SkipReason);
                await WriteNullableAsync(copy, r.PlatformMessageId);
                await WriteNullableAsync(copy, r.ErrorCode);
                if (r.NotBefore is { } notBefore)
                {
                    await copy.WriteAsync(notBefore, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await copy.WriteNullAsync();
                }
            }

            await copy.CompleteAsync();
        }

        await connection.ExecuteAsync(
            """
            WITH recorded AS (
                UPDATE deliveries d
                SET status = r.status, skip_reason = r.reason, platform_message_id = r.platform_id, error_code = r.error,
                    not_before = r.not_before,
                    sent_at = CASE WHEN r.status = 'sent' THEN @now ELSE d.sent_at END, updated_at = @now
                FROM outcome_stage r
                WHERE d.broadcast_id = @broadcastId AND d.contact_id = r.contact_id AND d.status = 'sending'
                RETURNING d.broadcast_id, d.contact_id, d.org_unit_id, d.channel, d.status
            )
            INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at)
            SELECT 'sent', broadcast_id, contact_id, org_unit_id, channel, @now FROM recorded WHERE status = 'sent'
            """,
            new { broadcastId, now },
            transaction);
        await transaction.CommitAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text);
        }
    }

    private static DynamicParameters Args(long broadcastId, IReadOnlyList<DeliveryResult> results, DateTimeOffset now) => new(new
    {
        broadcastId,
        now,
        contactIds = results.Select(r => r.ContactId).ToArray(),
        statuses = results.Select(r => r.Status).ToArray(),
        reasons = results.Select(r => r.SkipReason).ToArray(),
        platformIds = results.Select(r => r.PlatformMessageId).ToArray(),
        errors = results.Select(r => r.ErrorCode).ToArray(),
        notBefores = results.Select(r => r.NotBefore).ToArray(),
    });

    /// <summary>A platform message id as long as Messenger's ("m_" and 80 characters).</summary>
    public static string PlatformId(long contactId) =>
        "m_" + contactId.ToString("D12", CultureInfo.InvariantCulture) + new string('x', 68);
}
