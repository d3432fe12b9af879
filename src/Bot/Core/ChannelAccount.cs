namespace Outreach.Bot.Core;

/// <summary>A participant: a member (PSID, Zalo user id) or our side (Page id, OA id).</summary>
public sealed record ChannelAccount(string Id, string? Name = null);
