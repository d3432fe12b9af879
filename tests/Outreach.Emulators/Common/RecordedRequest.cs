namespace Outreach.Emulators.Common;

/// <summary>One request an emulator received, as received (headers lower-cased), with the status it answered.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int ResponseStatus,
    string ResponseBody,
    DateTimeOffset ReceivedAt);
