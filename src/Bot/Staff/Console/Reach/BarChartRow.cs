namespace Outreach.Bot.Staff.Console.Reach;

/// <summary>One row of a <see cref="BarChart"/>: its label (a link when <see cref="Href"/> is set) and one value per series.</summary>
public sealed record BarChartRow(string Label, string? Href, IReadOnlyList<long> Values, string? Detail = null);
