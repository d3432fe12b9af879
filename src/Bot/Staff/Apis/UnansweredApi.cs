using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Unanswered;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/unanswered: the caller's queue of questions the bot could not answer (<see cref="UnansweredService"/>): the groups
/// and the crisis count (never crisis text), one group, and the actions (not viewers): out of scope, hand the member to a
/// person, add the wording to an entry, start an entry from it; and the members' verdicts per entry. Another unit's question
/// is a 404.
/// </summary>
public static class UnansweredApi
{
    public static RouteGroupBuilder MapUnansweredApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var queue = api.MapGroup("/unanswered").RequireStaff();
        queue.MapGet("", async (HttpContext http, UnansweredService service, CancellationToken ct) =>
        {
            var found = await service.QueueAsync(http.Session(), ct);
            return TypedResults.Ok(new
            {
                groups = found.Groups.Select(g => new
                {
                    id = g.LatestId, text = g.Sample, g.Count, g.Members, g.LastAskedAt, g.Reasons,
                }),
                crisis = new { count = found.CrisisCount, days = found.CrisisDays },
                canAct = found.CanAct,
                knowledgeAvailable = found.KnowledgeAvailable,
            });
        });
        queue.MapGet("/feedback", async (HttpContext http, UnansweredService service, CancellationToken ct) =>
            TypedResults.Ok(await service.FeedbackAsync(http.Session(), ct)));
        queue.MapGet("/{id:long}", async (long id, HttpContext http, UnansweredService service, CancellationToken ct) =>
            ApiResults.From(await service.GroupAsync(http.Session(), id, ct), g => TypedResults.Ok(new
            {
                g.Id, text = g.Sample, questions = g.Questions.Select(q => new
                {
                    q.Id, q.ContactId, name = q.DisplayName, q.Channel, unitName = q.OrgUnitName, q.AskedAt, q.Text, reason = q.Missed,
                    q.EntryId, q.Confidence,
                }),
                g.CanAct, g.KnowledgeAvailable,
            })));
        queue.MapPost("/{id:long}/out-of-scope", async (long id, HttpContext http, UnansweredService service, CancellationToken ct) =>
            ApiResults.From(await service.MarkOutOfScopeAsync(http.Session(), id, ct), n => TypedResults.Ok(new { marked = n })));
        queue.MapPost("/{id:long}/handoff", async (long id, HttpContext http, UnansweredService service, CancellationToken ct) =>
            ApiResults.From(await service.HandOffAsync(http.Session(), id, ct),
                h => TypedResults.Ok(new { handoffId = h.Id, h.ContactId, h.Status })));
        queue.MapPost("/{id:long}/variant", async (long id, VariantRequest request, HttpContext http, UnansweredService service, CancellationToken ct) =>
            ApiResults.From(await service.AttachVariantAsync(http.Session(), id, request?.EntryKey, request?.Text, ct),
                key => TypedResults.Ok(new { entryKey = key })));
        queue.MapPost("/{id:long}/entry", async (long id, EntryRequest request, HttpContext http, UnansweredService service, CancellationToken ct) =>
            ApiResults.From(await service.CreateEntryAsync(http.Session(), id, request?.Text, ct), key => TypedResults.Ok(new { entryKey = key })));
        return api;
    }

    /// <summary>The entry to add the wording to, and the wording (the group's latest when empty).</summary>
    public sealed record VariantRequest(string? EntryKey, string? Text);

    /// <summary>The first question of the new entry (the group's latest wording when empty).</summary>
    public sealed record EntryRequest(string? Text);
}
