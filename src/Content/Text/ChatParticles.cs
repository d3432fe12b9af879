using System.Text.RegularExpressions;

namespace Outreach.Content.Text;

/// <summary>
/// Particles typed without accents that teencode would read as words: a plain "a" ending a clause is "ạ" ("cho em gặp cán bộ
/// được ko a"), not "anh"; a plain "vay" ending a clause after a question word is "vậy" ("làm sao vay", "bao nhiêu vay"), not
/// "vay vốn"; so is one ending a clause that asks when or how much ("chi hội bao giờ họp vay chị", "1 năm đóng bao nhiêu
/// vay"), unless the word before it borrows ("ở đâu cho vay", "bao nhiêu tuổi được vay"). Marked with their accents before the answer side reads the message (the crisis side reads the text as typed).
/// </summary>
public static partial class ChatParticles
{
    /// <summary>The text with clause-final plain particles written with their accents.</summary>
    public static string Mark(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        return AskedVay().Replace(FinalVay().Replace(FinalA().Replace(text, "ạ"), "vậy"), "vậy");
    }

    // "a" after a word, then only spaces, emoji or punctuation up to the end of the clause.
    [GeneratedRegex(@"(?<=\p{L}[^\p{L}\p{N}\n]*\s)[aA](?=[^\p{L}\p{N}]*(?:$|[.,;!?…:\n]))", RegexOptions.CultureInvariant)]
    private static partial Regex FinalA();

    // "vay" after a question word or a particle that asks ("sao", "gì", "nào", "đâu", "ko", "chưa"…), ending the clause
    // (whom she addresses aside: "sao vay ad").
    [GeneratedRegex(@"(?<=(?:^|[^\p{L}])(?:sao|gi|gì|nao|nào|the|thế|dau|đâu|ko|k|khong|không|chua|chưa|roi|rồi|r|nua|nữa|bao nhieu|bao nhiêu|bn|j|vay|vậy|ha|hả|day|đây|do|đó|kia)\s+)[vV]ay(?=(?:\s+(?:chị|chi|em|e|ad|admin|ạ|a|anh|ha|hả|nha|ta|nhỉ|nhi|ơi|oi|mn|bạn|ban|cô|bot))*[^\p{L}\p{N}]*(?:$|[.,;!?…:\n]))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FinalVay();

    // "vay" ending a clause (whom she addresses aside) that asks when, where or how much earlier on, after a word that does
    // not borrow.
    [GeneratedRegex(@"(?<=(?:^|[^\p{L}])(?:bao giờ|bao gio|mấy giờ|may gio|bao lâu|bao lau|khi nào|khi nao|ở đâu|o dau|bao nhiêu|bao nhieu|bn)(?:\s+[^\s.,;!?…:\n]+)*?\s+)(?<!(?:^|[^\p{L}])(?:cho|được|duoc|dc|đc|xin|muốn|muon|mun|cần|can|để|de|tên|ten|khi|lúc|luc|di|đi|mà|ma)\s+)[vV]ay(?=(?:\s+(?:chị|chi|em|e|ad|admin|ạ|a|anh|ha|hả|nha|ta|nhỉ|nhi|ơi|oi|mn|bạn|ban|cô|bot))*[^\p{L}\p{N}]*(?:$|[.,;!?…:\n]))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AskedVay();
}
