using System.ComponentModel.DataAnnotations;

namespace Outreach.Content.Retention;

/// <summary>
/// How long message text is kept (section <c>Outreach:Retention</c>). After that a job removes the text of members' messages
/// (inbox), of our replies (outbox) and so of the conversation staff read; the rows and what the figures count stay.
/// </summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Outreach:Retention";

    /// <summary>Days message text is kept (default 180).</summary>
    [Range(1, 3650)]
    public int MessageTextDays { get; set; } = 180;

    /// <summary>
    /// Days the text of a crisis conversation is kept (default 30): the message that raised a crisis alert, our replies to it,
    /// and what was written both ways while her crisis handoff was open. At most <see cref="MessageTextDays"/>.
    /// </summary>
    [Range(1, 3650)]
    public int CrisisTextDays { get; set; } = 30;

    /// <summary>
    /// Days a range of days asked for in the reports is kept after it was last asked for (default 30); asked for again later,
    /// it is counted again from the events.
    /// </summary>
    [Range(1, 3650)]
    public int RangePeriodDays { get; set; } = 30;

    /// <summary>When the purge runs, a cron read in Asia/Ho_Chi_Minh (default 02:30 every night).</summary>
    [Required]
    public string Cron { get; set; } = "30 2 * * *";

    /// <summary>Rows changed per transaction (default 5,000); a run repeats batches until nothing is left.</summary>
    [Range(100, 1_000_000)]
    public int BatchSize { get; set; } = 5_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CrisisTextDays > MessageTextDays)
        {
            yield return new ValidationResult(
                $"{Section}:CrisisTextDays ({CrisisTextDays}) cannot be longer than {Section}:MessageTextDays ({MessageTextDays}).",
                [nameof(CrisisTextDays)]);
        }
    }
}
