namespace Outreach.Bot.Core;

/// <summary>The one <see cref="ITurnContext"/> implementation: sends go through the registered handlers, then the adapter.</summary>
public sealed class TurnContext(BotAdapter adapter, Activity activity) : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];
    private readonly List<Activity> _sent = [];

    public BotAdapter Adapter { get; } = adapter ?? throw new ArgumentNullException(nameof(adapter));

    public Activity Activity { get; } = activity ?? throw new ArgumentNullException(nameof(activity));

    public TurnState TurnState { get; } = new();

    public bool Responded => _sent.Count > 0;

    public IReadOnlyList<Activity> SentActivities => _sent;

    public Task<ResourceResponse> SendActivityAsync(
        string text, IReadOnlyList<CardAction>? suggestedActions = null, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateReply(text, suggestedActions), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses.Count > 0 ? responses[0] : new ResourceResponse("");
    }

    public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var addressed = activities.Select(Address).ToList();
        return RunHandlersAsync(0, addressed, cancellationToken);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onSend.Add(handler);
        return this;
    }

    private Task<IReadOnlyList<ResourceResponse>> RunHandlersAsync(int index, List<Activity> activities, CancellationToken cancellationToken)
    {
        if (index == _onSend.Count)
        {
            return SendNowAsync(activities, cancellationToken);
        }

        return _onSend[index](this, activities, () => RunHandlersAsync(index + 1, activities, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<ResourceResponse>> SendNowAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        var responses = await Adapter.SendActivitiesAsync(this, activities, cancellationToken);
        _sent.AddRange(activities);
        return responses;
    }

    // A reply without addresses goes back to whoever started the turn.
    private Activity Address(Activity outgoing) =>
        outgoing.ChannelId == Activity.ChannelId && outgoing.Recipient.Id.Length > 0
            ? outgoing
            : outgoing.WithConversation(Activity);
}
