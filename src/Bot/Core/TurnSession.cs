using Npgsql;
using Outreach.Content.Contacts;
using Outreach.Content.Inbox;
using Outreach.Content.OrgUnits;

namespace Outreach.Bot.Core;

/// <summary>
/// The database side of one turn, kept in the turn state: every write of the turn (contact, subscriptions, dialog state,
/// replies) goes through <see cref="Transaction"/>, so a turn commits whole or not at all and is never applied twice.
/// </summary>
public sealed class TurnSession(NpgsqlTransaction transaction, InboxEvent inboxEvent)
{
    private int _seq;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public InboxEvent InboxEvent { get; } = inboxEvent;

    /// <summary>The member, once the contact middleware has run.</summary>
    public Contact? Contact { get; set; }

    /// <summary>The codes of her org unit and the units above it, nearest first (set with <see cref="Contact"/>; empty without a unit).</summary>
    public IReadOnlyList<UnitCode> MemberUnits { get; set; } = [];

    /// <summary>The ids of her org unit and the units above it, her own first (empty without a unit): units' own knowledge applies along it.</summary>
    public IReadOnlyList<long> MemberUnitPath { get; set; } = [];

    /// <summary>
    /// The turn answers a crisis: its replies (the hotlines) are urgent and go out ahead of her other queued replies, whatever
    /// state those are in.
    /// </summary>
    public bool Urgent { get; set; }

    /// <summary>The position of the next reply of this turn (replies are sent in this order).</summary>
    public int NextSeq() => _seq++;
}
