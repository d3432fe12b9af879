namespace Outreach.Bot.Core;

/// <summary>Enough to reach a member again later: the channel, our account on it (Page/OA id) and the member's id there.</summary>
public sealed record ConversationReference(string ChannelId, string AccountId, string UserId);
