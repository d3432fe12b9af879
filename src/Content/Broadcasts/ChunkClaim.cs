namespace Outreach.Content.Broadcasts;

/// <summary>A worker's hold on one chunk of a broadcast: the chunk, and the token only this claim knows.</summary>
public sealed record ChunkClaim(long BroadcastId, int ChunkNo, Guid Token);
