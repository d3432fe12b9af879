using Outreach.Bot.Core;

namespace Outreach.Bot.Answers;

/// <summary>
/// The bot at the end of the pipeline. Until the answer engine arrives it greets and offers the main topics, so that a
/// member always gets a polite Vietnamese reply (and the gateway can be exercised end to end).
/// </summary>
public sealed class OutreachBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var isConversation = activity.Type == ActivityTypes.Message
            || activity.Name is ActivityNames.Postback or ActivityNames.GetStarted or ActivityNames.Follow;
        if (!isConversation)
        {
            return;
        }

        await turnContext.SendActivityAsync(
            "Chào chị, Hội LHPN xin nghe. Chị cần hỏi về nội dung nào ạ? Nếu chị đang gặp nguy hiểm, hãy gọi ngay 113.",
            [
                new CardAction("Vay vốn, khởi nghiệp", "TOPIC_LOAN"),
                new CardAction("Khám sàng lọc", "TOPIC_HEALTH"),
                new CardAction("Bạo lực gia đình", "TOPIC_VIOLENCE"),
            ],
            cancellationToken);
    }
}
