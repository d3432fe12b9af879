namespace Outreach.Content.ContentPacks;

/// <summary>
/// A pack file is missing, malformed or inconsistent. The message (in Vietnamese, for the staff who edit the files) names the
/// file and line.
/// </summary>
public sealed class ContentPackException : Exception
{
    public ContentPackException()
    {
    }

    public ContentPackException(string message)
        : base(message)
    {
    }

    public ContentPackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
