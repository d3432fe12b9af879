using Outreach.Bot.Core;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Bot.Answers;

/// <summary>
/// What the bot needs to know about this turn's member: the pack to answer from, her province (for its own entries), the
/// codes of her org unit and the units above it (for trusted addresses near her), today's date in Vietnam, and the turn's
/// database session when there is one (the in-memory TestAdapter has none).
/// </summary>
public sealed record MemberContext(
    KnowledgeSnapshot Knowledge, string? Province, IReadOnlyList<string> OrgUnits, DateOnly Today, TurnSession? Session)
{
    /// <summary>The member's contact id, when the turn has a database session.</summary>
    public long? ContactId => Session?.Contact?.Id;

    /// <summary>The engine's request for <paramref name="text"/> from this member.</summary>
    public AnswerRequest Ask(string? text) => new(text, Province, Today) { OrgUnits = OrgUnits, UnitPath = Session?.MemberUnitPath ?? [] };

    public static async Task<MemberContext> ForTurnAsync(
        ITurnContext turnContext, CurrentKnowledge knowledge, KnowledgeOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var existing = turnContext.TurnState.Get<MemberContext>();
        if (existing is not null)
        {
            return existing;
        }

        ArgumentNullException.ThrowIfNull(options);
        var session = turnContext.TurnState.Get<TurnSession>();
        var units = session?.MemberUnits ?? [];
        var province = units.FirstOrDefault(u => u.Level == "tinh")?.Code ?? options.DefaultProvince;
        var member = new MemberContext(
            await knowledge.GetAsync(cancellationToken), province, units.Select(u => u.Code).ToList(), VietnamClock.Today(time), session);
        turnContext.TurnState.Set(member);
        return member;
    }
}
