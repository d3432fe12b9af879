namespace Outreach.Content.Storage;

/// <summary>The private PostgreSQL cluster could not be found, created or started; the message says what to do.</summary>
public sealed class LocalPostgresException : Exception
{
    public LocalPostgresException(string message)
        : base(message)
    {
    }

    public LocalPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LocalPostgresException()
    {
    }
}
