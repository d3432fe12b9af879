using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Answers;

/// <summary>What puts a question in the "Câu hỏi chưa trả lời được" queue, and how long feedback may follow an answer (section <c>Outreach:Unanswered</c>).</summary>
public sealed class UnansweredOptions
{
    public const string Section = "Outreach:Unanswered";

    /// <summary>An answer below this confidence is given but also queued as "low confidence" (default 0.5; the answer threshold is 0.4).</summary>
    [Range(0.0, 1.0)]
    public double LowConfidence { get; set; } = 0.5;

    /// <summary>Minutes after an answer in which a typed "không đúng" / "sai rồi" (or a typed choice number) is about it (default 60).</summary>
    [Range(1, 10080)]
    public int FeedbackMinutes { get; set; } = 60;
}
