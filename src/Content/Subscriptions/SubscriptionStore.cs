using Dapper;
using Npgsql;

namespace Outreach.Content.Subscriptions;

/// <summary>
/// Members' topic subscriptions, written in the turn's transaction. Hotline content (topics with is_mutable = false) can
/// never be muted: an opt-out leaves it on.
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

    /// <summary>Opts out of one mutable topic. False for a topic that cannot be muted (hotline) or does not exist.</summary>
    public async Task<bool> UnsubscribeAsync(
        NpgsqlTransaction transaction, long contactId, string topic, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var mutable = await transaction.Connection!.ExecuteScalarAsync<bool?>(new CommandDefinition(
            "SELECT is_mutable FROM topics WHERE code = @topic", new { topic }, transaction, cancellationToken: cancellationToken));
        if (mutable != true)
        {
            return false;
        }

        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscriptions (contact_id, topic, opted_out_at, source) VALUES (@contactId, @topic, @at, 'optout')
            ON CONFLICT (contact_id, topic) DO UPDATE SET opted_out_at = EXCLUDED.opted_out_at
            """,
            new { contactId, topic, at }, transaction, cancellationToken: cancellationToken));
        return true;
    }

    /// <summary>Opts out of every mutable topic (STOP). Returns how many subscriptions were active.</summary>
    public async Task<int> OptOutAllAsync(NpgsqlTransaction transaction, long contactId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE subscriptions s SET opted_out_at = @at
            FROM topics t
            WHERE t.code = s.topic AND t.is_mutable AND s.contact_id = @contactId AND s.is_active
            """,
            new { contactId, at }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The topics she currently receives.</summary>
    public async Task<IReadOnlyList<string>> ActiveTopicsAsync(NpgsqlTransaction transaction, long contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var rows = await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            "SELECT topic FROM subscriptions WHERE contact_id = @contactId AND is_active ORDER BY topic",
            new { contactId }, transaction, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}

/// <summary>A topic: its code, its Vietnamese name, and whether a member may mute it.</summary>
public sealed record Topic(string Code, string Name, bool IsMutable);
