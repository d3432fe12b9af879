using Microsoft.Extensions.Options;
using Outreach.Bot.Answers;
using Outreach.Bot.Core;
using Outreach.Content.Alerts;
using Outreach.Content.Handoffs;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Text;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// First after the contact step: a message that signals violence, abuse, danger or self-harm gets the hotline reply as the
/// turn's first message, whatever else is going on (a running dialog, a handoff, an opt-out word: "dừng lại, chồng em đang
/// đánh em" is a crisis, not an opt-out). Staff are alerted (crisis_alerts, and a handoff request for the queue); the text
/// itself is never copied into the alert or the logs. The turn ends here.
/// </summary>
public sealed partial class CrisisGuardMiddleware(
    CurrentKnowledge knowledge,
    CrisisAlertStore alerts,
    HandoffStore handoffs,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<CrisisGuardMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!activity.IsMessage() || string.IsNullOrWhiteSpace(activity.Text))
        {
            await next(cancellationToken);
            return;
        }

        var member = await MemberContext.ForTurnAsync(turnContext, knowledge, options.Value, time, cancellationToken);
        var assessment = member.Knowledge.Crisis.Assess(ChatAbbreviations.Expand(VietnameseText.Tokenize(activity.Text)));
        if (!assessment.IsCrisis)
        {
            await next(cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(CrisisReply.Compose(member.Knowledge.Pack.Crisis, assessment), cancellationToken: cancellationToken);
        var now = time.GetUtcNow();
        if (member.Session is { } session)
        {
            await alerts.RecordAsync(session.Transaction, member.ContactId, activity.ChannelId, assessment, session.InboxEvent.Id, now, cancellationToken);
            if (member.ContactId is { } contactId)
            {
                await handoffs.RequestAsync(session.Transaction, contactId, HandoffReasons.Crisis, now, cancellationToken);
            }
        }

        LogCrisis(logger, member.ContactId, activity.ChannelId, assessment.Primary.ToName());
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Crisis message from contact {ContactId} on {Channel} ({Category}): hotlines sent, staff alerted")]
    private static partial void LogCrisis(ILogger logger, long? contactId, string channel, string category);
}
