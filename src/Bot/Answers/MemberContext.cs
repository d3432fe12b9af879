using Dapper;
using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Bot.Answers;

/// <summary>
/// What the bot needs to know about this turn's member: the pack to answer from, her province (for its own entries), today's
/// date in Vietnam, and the turn's database session when there is one (the in-memory TestAdapter has none).
/// </summary>
public sealed record MemberContext(KnowledgeSnapshot Knowledge, string? Province, DateOnly Today, TurnSession? Session)
{
    /// <summary>The member's contact id, when the turn has a database session.</summary>
    public long? ContactId => Session?.Contact?.Id;

    public static async Task<MemberContext> ForTurnAsync(
        ITurnContext turnContext, CurrentKnowledge knowledge, KnowledgeOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var existing = turnContext.TurnState.Get<MemberContext>();
        if (existing is not null)
        {
            return existing;
        }

        var session = turnContext.TurnState.Get<TurnSession>();
        var province = await ProvinceOfAsync(session, cancellationToken) ?? options.DefaultProvince;
        var member = new MemberContext(await knowledge.GetAsync(cancellationToken), province, VietnamClock.Today(time), session);
        turnContext.TurnState.Set(member);
        return member;
    }

    // The code of the province unit above the member's own unit (the org-unit tree keeps materialised paths).
    private static async Task<string?> ProvinceOfAsync(TurnSession? session, CancellationToken cancellationToken)
    {
        if (session?.Contact?.OrgUnitId is not { } unitId)
        {
            return null;
        }

        return await session.Transaction.Connection!.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            """
            SELECT p.code FROM org_units u JOIN org_units p ON u.path LIKE p.path || '%'
            WHERE u.id = @unitId AND p.level = 'tinh'
            """,
            new { unitId }, session.Transaction, cancellationToken: cancellationToken));
    }
}
