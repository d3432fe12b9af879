using Outreach.Content.KnowledgeBase;
using Outreach.Content.Text;

namespace Outreach.Content.Unanswered;

/// <summary>
/// The key that groups similar questions in the queue: the message as the matcher reads it (teencode and abbreviations
/// expanded), accents folded, particles and forms of address dropped ("Chị ơi, vay vốn ở đâu ạ?" and "vay von o dau" are one
/// group). A message of nothing but particles keeps its folded text.
/// </summary>
public static class QuestionWording
{
    /// <summary>The longest key kept (a long story is still one question; its start tells staff which).</summary>
    public const int MaxLength = 300;

    public static string Of(string? text)
    {
        var tokens = MatchText.Message(text, out _);
        var words = tokens.Where(t => !StopWords.IsStopWord(t) && !StopWords.IsFormOfAddress(t)).Select(t => t.Folded).ToList();
        var key = words.Count > 0 ? string.Join(' ', words) : VietnameseText.Fold(text);
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }
}
