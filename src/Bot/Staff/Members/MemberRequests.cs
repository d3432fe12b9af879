using System.Globalization;
using Outreach.Content.Members;

namespace Outreach.Bot.Staff.Members;

/// <summary>
/// The members page's filters as typed (the API's query string, the console's form): name (with or without diacritics),
/// channel, unit (with everything below it), topics, joined and last interaction between two Vietnamese days (both
/// included; <c>yyyy-MM-dd</c> or <c>dd/MM/yyyy</c>), whether her window is open (<c>open</c>/<c>closed</c>), status, and the page (from 1).
/// </summary>
public sealed record MemberQuery
{
    public string? Name { get; init; }

    public string? Channel { get; init; }

    public long? UnitId { get; init; }

    public IReadOnlyList<string>? Topics { get; init; }

    public string? JoinedFrom { get; init; }

    public string? JoinedUntil { get; init; }

    public string? LastFrom { get; init; }

    public string? LastUntil { get; init; }

    public string? Window { get; init; }

    public string? Status { get; init; }

    public int? Page { get; init; }
}

/// <summary>A page of her members with the filter it was read with.</summary>
public sealed record MemberListing(MemberPage Members, MemberQuery Query, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Members.Total + PageSize - 1) / PageSize);
}

/// <summary>Reads the days the members filters take: <c>yyyy-MM-dd</c> (a date input) or <c>dd/MM/yyyy</c> (as staff write them).</summary>
public static class MemberQueryDays
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>The day, or null when empty; false when it is not a day.</summary>
    public static bool TryParse(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }
}
