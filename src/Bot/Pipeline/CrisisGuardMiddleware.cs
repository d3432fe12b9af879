using Microsoft.Extensions.Options;
using Outreach.Bot.Answers;
using Outreach.Bot.Core;
using Outreach.Content.Alerts;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// First after the contact step: a message that signals violence, abuse, danger or self-harm gets the hotline reply as the
/// turn's first message, whatever else is going on (a running dialog, a handoff, an opt-out word: "dừng lại, chồng em đang
/// đánh em" is a crisis, not an opt-out). Staff are alerted (crisis_alerts, and a handoff request for the queue), a running
/// dialog ends; the text itself is never copied into the alert, the logs or the staff's queue of unanswered questions (there
/// it is only counted). The turn ends here.
/// </summary>
public sealed partial class CrisisGuardMiddleware(
    CurrentKnowledge knowledge,
    CrisisRecorder recorder,
    AnswerFeedback questions,
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
        var decision = AnswerEngine.DecideCrisis(member.Knowledge, member.Ask(activity.Text));
        if (decision is null)
        {
            await next(cancellationToken);
            return;
        }

        if (member.Session is { } turn)
        {
            turn.Urgent = true;
        }

        await turnContext.SendActivityAsync(decision.Text, cancellationToken: cancellationToken);
        if (decision.FollowUp is not null)
        {
            await turnContext.SendActivityAsync(decision.FollowUp, cancellationToken: cancellationToken);
        }

        var assessment = decision.Crisis;
        if (member.Session is { } session)
        {
            await recorder.RecordAsync(
                session.Transaction, member.ContactId, activity.ChannelId, assessment, session.InboxEvent.Id, time.GetUtcNow(), cancellationToken);
            await questions.RecordCrisisAsync(member, cancellationToken);
        }

        LogCrisis(logger, member.ContactId, activity.ChannelId, assessment.Primary.ToName());
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Crisis from contact {ContactId} on {Channel} ({Category}): hotlines sent, staff alerted")]
    private static partial void LogCrisis(ILogger logger, long? contactId, string channel, string category);
}
