using System.Text.RegularExpressions;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Tests.KnowledgeBase;

namespace Outreach.Content.Tests.Alerts;

/// <summary>
/// What the crisis case classes ask: the shipped pack's decision on a member's message, and the emergency or support numbers
/// a reply names (its first line's first one is the number the case expects first).
/// </summary>
internal static partial class CrisisAsk
{
    public static Task<AnswerDecision> AskAsync(string text) => Packs.AskAsync(text);

    [GeneratedRegex(@"\b(111|112|113|114|115|1900 969 680)\b")]
    public static partial Regex Numbers();
}
