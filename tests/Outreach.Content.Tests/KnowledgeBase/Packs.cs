using Outreach.Content.ContentPacks;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Tests.KnowledgeBase;

/// <summary>The pack shipped in src/Content/ContentPacks/pack (copied next to the tests), and small packs built from it.</summary>
internal static class Packs
{
    public static string ShippedDirectory => Outreach.Testing.ContentPackCopy.ShippedDirectory;

    public static readonly DateOnly Today = new(2026, 6, 1);

    private static readonly Lazy<Task<ContentPack>> Shipped = new(() => ContentPackReader.ReadAsync(ShippedDirectory, CancellationToken.None));

    public static Task<ContentPack> ShippedAsync() => Shipped.Value;

    /// <summary>What the bot decides on <paramref name="text"/> with the shipped pack, on <see cref="Today"/>.</summary>
    public static async Task<AnswerDecision> AskAsync(string text, string? province = null) =>
        AnswerEngine.Decide(KnowledgeSnapshot.Build(await ShippedAsync()), new AnswerRequest(text, province, Today));

    /// <summary>The shipped texts and crisis rules with only <paramref name="entries"/>.</summary>
    public static Task<KnowledgeSnapshot> WithEntriesAsync(params KnowledgeEntry[] entries) => WithEntriesAsync(null, entries);

    public static async Task<KnowledgeSnapshot> WithEntriesAsync(MatchingOptions? options, params KnowledgeEntry[] entries) =>
        KnowledgeSnapshot.Build((await ShippedAsync()) with { Entries = entries }, 0, options);

    public static KnowledgeEntry Entry(
        string id, string question, string answer, string? province = null, DateOnly? from = null, DateOnly? until = null, string topic = "test") =>
        new(id, province, topic, id, [question], [], answer, null, from, until, null);
}
