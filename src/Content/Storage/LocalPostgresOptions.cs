namespace Outreach.Content.Storage;

/// <summary>Where a private cluster lives and how it behaves.</summary>
/// <param name="RootDirectory">The folder that holds the cluster; created when missing.</param>
/// <param name="Ephemeral">A throwaway cluster: no fsync, deleted when disposed (tests).</param>
public sealed record LocalPostgresOptions(string RootDirectory, bool Ephemeral = false);
