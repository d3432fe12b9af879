using Outreach.Bot.Core;
using Outreach.Bot.Pipeline;
using Outreach.Bot.Channels.WebChat;

namespace Outreach.Testing;

/// <summary>
/// An in-memory channel (Bot Builder's TestAdapter): runs the real middleware and bot without HTTP or a database session,
/// and keeps what was sent. Use it for pipeline order, the crisis guard, opt-out and matching.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    private readonly List<Activity> _sent = [];

    public TestAdapter(TurnPipeline? pipeline = null)
    {
        pipeline?.ApplyTo(this);
    }

    public IReadOnlyList<Activity> Sent => _sent;

    public override Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        _sent.AddRange(activities);
        return Task.FromResult<IReadOnlyList<ResourceResponse>>(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToList());
    }

    /// <summary>Runs one member message through the pipeline and the bot; returns what this turn sent.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(IBot bot, string text, string userId = "member-1", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return await ProcessAsync(bot, Message(text, userId), cancellationToken);
    }

    /// <summary>Runs any activity through the pipeline and the bot; returns what this turn sent.</summary>
    public async Task<IReadOnlyList<Activity>> ProcessAsync(IBot bot, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var before = _sent.Count;
        await RunPipelineAsync(new TurnContext(this, activity), bot.OnTurnAsync, cancellationToken);
        return _sent.Skip(before).ToList();
    }

    public static Activity Message(string text, string userId = "member-1", string channel = WebChatChannel.Name) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelId = channel,
        From = new ChannelAccount(userId),
        Recipient = new ChannelAccount("test-page"),
        Timestamp = DateTimeOffset.UnixEpoch,
        Locale = "vi-VN",
    };
}
