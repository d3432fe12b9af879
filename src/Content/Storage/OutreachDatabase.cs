namespace Outreach.Content.Storage;

/// <summary>
/// The one PostgreSQL database Outreach uses: <c>ConnectionStrings:Outreach</c>, or the private cluster the host starts when
/// none is configured (the host writes that cluster's connection string into the configuration before building services).
/// </summary>
public sealed record OutreachDatabase(string ConnectionString)
{
    public const string ConnectionStringName = "Outreach";
}
