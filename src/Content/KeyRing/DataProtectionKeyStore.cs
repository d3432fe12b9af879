using Dapper;
using Npgsql;

namespace Outreach.Content.KeyRing;

/// <summary>
/// The rows of ASP.NET Core Data Protection's key ring (one XML element per key), shared by every host through PostgreSQL.
/// Synchronous on purpose: Data Protection's key repository interface is synchronous, and it reads the ring rarely (at start,
/// then about once a day, or when it meets a key it does not know).
/// </summary>
public sealed class DataProtectionKeyStore(NpgsqlDataSource dataSource)
{
    /// <summary>Every stored key element, oldest first.</summary>
    public IReadOnlyList<string> ReadAll()
    {
        using var connection = dataSource.OpenConnection();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").AsList();
    }

    /// <summary>Adds a key element; a name already stored is kept as it was (names are unique per key).</summary>
    public void Store(string friendlyName, string xml)
    {
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml) ON CONFLICT (friendly_name) DO NOTHING",
            new { friendlyName, xml });
    }
}
