using Npgsql;

namespace Outreach.Bot.Hosting;

/// <summary>The database could not be reached or prepared at start-up. <see cref="Endpoint"/> names the server (never the password).</summary>
public sealed class DatabaseStartupException : Exception
{
    public DatabaseStartupException(string connectionString, Exception innerException)
        : base($"The database {EndpointOf(connectionString)} is not usable: {innerException?.Message}", innerException)
    {
        Endpoint = EndpointOf(connectionString);
    }

    public DatabaseStartupException()
    {
        Endpoint = "";
    }

    public DatabaseStartupException(string message)
        : base(message)
    {
        Endpoint = "";
    }

    public string Endpoint { get; }

    private static string EndpointOf(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "(ConnectionStrings:Outreach không đọc được)";
        }
    }
}
