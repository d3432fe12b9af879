using Outreach.Bot.Core;
using Outreach.Content.Handoffs;

namespace Outreach.Bot.Answers;

/// <summary>"Gặp cán bộ": opens a handoff request (in the turn's transaction) and tells her a person will answer here.</summary>
public sealed class HandoffDialog(HandoffStore handoffs, TimeProvider time)
{
    public async Task StartAsync(ITurnContext turnContext, MemberContext member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(member);
        var created = true;
        if (member.Session is { } session && member.ContactId is { } contactId)
        {
            (_, created) = await handoffs.RequestAsync(session.Transaction, contactId, HandoffReasons.Member, time.GetUtcNow(), cancellationToken);
        }

        var texts = member.Knowledge.Texts;
        await turnContext.SendActivityAsync(texts.Get(created ? "handoff_requested" : "handoff_waiting"), cancellationToken: cancellationToken);
    }
}
