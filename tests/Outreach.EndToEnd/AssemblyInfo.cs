using Outreach.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]
