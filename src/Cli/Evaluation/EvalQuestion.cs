using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outreach.Cli.Evaluation;

/// <summary>One line of an eval file: <c>{"id","q","topic","must_mention_any","note"}</c> (shared/eval/dev.jsonl's format).</summary>
internal sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("q")] string Question,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("must_mention_any")] IReadOnlyList<string> MustMentionAny,
    [property: JsonPropertyName("note")] string? Note = null)
{
    /// <summary>Reads a JSON Lines file; a bad line is an error naming its number (blank lines are skipped).</summary>
    public static async Task<List<EvalQuestion>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var questions = new List<EvalQuestion>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var question = JsonSerializer.Deserialize<EvalQuestion>(line);
                questions.Add(question is { Id: not null, Question: not null, Topic: not null, MustMentionAny: not null }
                    ? question
                    : throw new JsonException("cần id, q, topic và must_mention_any"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}, dòng {number}: không đọc được ({ex.Message})", ex);
            }
        }

        return questions;
    }
}
