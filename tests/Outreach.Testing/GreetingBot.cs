using Outreach.Bot.Core;

namespace Outreach.Testing;

/// <summary>
/// A fixed bot for channel tests: whatever the member writes, one greeting with the hotline and three choices. Channel tests
/// check how a reply travels (rendering, tags, receipts, retries), so their replies must not depend on the answer engine.
/// </summary>
public sealed class GreetingBot : IBot
{
    public const string Text = "Chào chị, Hội LHPN xin nghe. Chị cần hỏi về nội dung nào ạ? Nếu chị đang gặp nguy hiểm, hãy gọi ngay 113.";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message && activity.Name is not (ActivityNames.Postback or ActivityNames.GetStarted or ActivityNames.Follow))
        {
            return;
        }

        await turnContext.SendActivityAsync(
            Text,
            [new CardAction("Vay vốn, khởi nghiệp", "TOPIC_LOAN"), new CardAction("Khám sàng lọc", "TOPIC_HEALTH"), new CardAction("Bạo lực gia đình", "TOPIC_VIOLENCE")],
            cancellationToken);
    }
}
