using Dapper;
using Npgsql;

namespace Outreach.Content.Subscriptions;

/// <summary>
/// Members' topic subscriptions, written in the turn's transaction. Most topics are opt-in (a member gets them once she
/// subscribes); hotline news (topics with is_mutable = false) is on by default and reaches every member until she opts out
/// of it. A member can stop everything, hotline news included: her phone may be read by the person she is afraid of. The
/// hotline numbers themselves are still answered whenever she asks.
/// </summary>
public sealed class SubscriptionStore
{
    /// <summary>Every topic, in a stable order.</summary>
    public async Task<IReadOnlyList<Topic>> ListTopicsAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var rows = await transaction.Connection!.QueryAsync<Topic>(new CommandDefinition(
            "SELECT code, name_vi AS name, is_mutable AS ismutable FROM topics ORDER BY is_mutable, code",
            transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Opts in to <paramref name="topic"/>. False when the topic does not exist.</summary>
    public async Task<bool> SubscribeAsync(
        NpgsqlTransaction transaction, long contactId, string topic, string source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscriptions (contact_id, topic, opted_in_at, source)
            SELECT @contactId, code, @at, @source FROM topics WHERE code = @topic
            ON CONFLICT (contact_id, topic) DO UPDATE SET opted_in_at = EXCLUDED.opted_in_at, opted_out_at = NULL, source = EXCLUDED.source
            """,
            new { contactId, topic, at, source }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Opts out of one topic, hotline news included. False when the topic does not exist.</summary>
    public async Task<bool> UnsubscribeAsync(
        NpgsqlTransaction transaction, long contactId, string topic, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscriptions (contact_id, topic, opted_out_at, source)
            SELECT @contactId, code, @at, 'optout' FROM topics WHERE code = @topic
            ON CONFLICT (contact_id, topic) DO UPDATE SET opted_out_at = EXCLUDED.opted_out_at
            """,
            new { contactId, topic, at }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Opts out of everything (STOP): every active subscription, and hotline news, which is on by default. Returns how many
    /// topics she was receiving.
    /// </summary>
    public async Task<int> OptOutAllAsync(NpgsqlTransaction transaction, long contactId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            WITH receiving AS (
                SELECT t.code FROM topics t
                WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.contact_id = @contactId AND s.topic = t.code AND s.is_active)
                   OR (NOT t.is_mutable AND NOT EXISTS (
                       SELECT 1 FROM subscriptions s WHERE s.contact_id = @contactId AND s.topic = t.code AND NOT s.is_active AND s.opted_out_at IS NOT NULL))),
            muted AS (
                INSERT INTO subscriptions (contact_id, topic, opted_out_at, source)
                SELECT @contactId, code, @at, 'optout' FROM receiving
                ON CONFLICT (contact_id, topic) DO UPDATE SET opted_out_at = EXCLUDED.opted_out_at
                RETURNING topic)
            SELECT count(*)::int FROM muted
            """,
            new { contactId, at }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The topics she subscribed to and has not left.</summary>
    public async Task<IReadOnlyList<string>> ActiveTopicsAsync(NpgsqlTransaction transaction, long contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var rows = await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            "SELECT topic FROM subscriptions WHERE contact_id = @contactId AND is_active ORDER BY topic",
            new { contactId }, transaction, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The topics a broadcast would reach her with: her active subscriptions, and hotline news unless she opted out.</summary>
    public async Task<IReadOnlyList<string>> ReceivedTopicsAsync(NpgsqlTransaction transaction, long contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var rows = await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            """
            SELECT t.code FROM topics t
            WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.contact_id = @contactId AND s.topic = t.code AND s.is_active)
               OR (NOT t.is_mutable AND NOT EXISTS (
                   SELECT 1 FROM subscriptions s WHERE s.contact_id = @contactId AND s.topic = t.code AND NOT s.is_active AND s.opted_out_at IS NOT NULL))
            ORDER BY t.code
            """,
            new { contactId }, transaction, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}

/// <summary>A topic: its code, its Vietnamese name, and whether it is opt-in (true) or on by default (false: hotline news).</summary>
public sealed record Topic(string Code, string Name, bool IsMutable);
