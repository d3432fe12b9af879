using System.CommandLine;
using System.Text.Json;
using Outreach.Content.ContentPacks;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Cli.Asking;

/// <summary><c>ask [--json] [--province CODE] "câu hỏi"</c>: the bot's answer to one question, as text or JSON.</summary>
internal static class AskCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "In JSON: loại, chủ đề, mục, độ tin cậy, gợi ý" };
        var question = new Argument<string[]>("question") { Description = "Câu hỏi", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ask", "Hỏi trợ lý một câu") { json, PackSource.Pack, PackSource.Province, question };
        command.SetAction(async (result, cancellationToken) =>
        {
            var snapshot = await PackSource.LoadAsync(result.GetValue(PackSource.Pack)!, cancellationToken);
            var text = string.Join(' ', result.GetValue(question) ?? []);
            var request = new AnswerRequest(text, result.GetValue(PackSource.Province), VietnamClock.Today(TimeProvider.System));
            var decision = AnswerEngine.Decide(snapshot, request);
            Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(ToView(decision, snapshot.Crisis.Assess(text).Cues), Json) : ToText(decision));
            return 0;
        });
        return command;
    }

    /// <summary>What a member would read: the reply, then the choices offered.</summary>
    public static string ToText(AnswerDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var text = decision.FollowUp is null ? decision.Text : decision.Text + "\n---\n" + decision.FollowUp;
        return decision.Choices.Count == 0 ? text : text + "\n" + string.Join("\n", decision.Choices.Select(c => "  [" + c.Title + "]"));
    }

    /// <param name="cues">The crisis.yaml groups whose cues counted in the message, to see why it is (not) a crisis.</param>
    public static object ToView(AnswerDecision decision, IReadOnlyList<string>? cues = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new
        {
            kind = decision.Kind.ToString().ToLowerInvariant(),
            topic = decision.Topic,
            entry = decision.EntryId,
            confidence = Math.Round(decision.Confidence, 3),
            crisis = decision.Crisis.Categories.Select(c => Content.Alerts.CrisisCategoryNames.ToName(c)).ToList(),
            cues = cues ?? [],
            action = decision.Action,
            text = decision.Text,
            followUp = decision.FollowUp,
            choices = decision.Choices.Select(c => new { title = c.Title, payload = c.Payload }).ToList(),
        };
    }
}
