namespace Outreach.Bot.Hosting;

/// <summary>Where the private PostgreSQL cluster lives when no connection string is configured (section <c>Outreach:LocalPostgres</c>).</summary>
public sealed class LocalPostgresSettings
{
    public const string Section = "Outreach:LocalPostgres";

    /// <summary>The cluster's folder (default: .data/postgres under the current directory). It survives restarts.</summary>
    public string? Directory { get; set; }

    /// <summary>The database created in it (default "outreach").</summary>
    public string Database { get; set; } = "outreach";
}
