using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Members;
using Outreach.Bot.Staff.Reach;
using Outreach.Content.Members;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/members: the members of the caller's subtree (<see cref="MemberService"/>): the list with filters
/// (<c>?name=&amp;channel=&amp;unitId=&amp;topic=&amp;joinedFrom=&amp;joinedUntil=&amp;lastFrom=&amp;lastUntil=&amp;window=open|closed&amp;status=&amp;page=</c>),
/// counts per unit, one member, moving her (not viewers), erasing her (admins), and the list as .xlsx. Another unit's member
/// is a 404; never a platform id.
/// </summary>
public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var members = api.MapGroup("/members").RequireStaff();
        members.MapGet("", async ([AsParameters] MemberQueryString query, HttpContext http, MemberService service, CancellationToken ct) =>
            ApiResults.From(await service.ListAsync(http.Session(), query.ToQuery(), ct), l => TypedResults.Ok(new
            {
                total = l.Members.Total, page = l.Page, pageSize = l.PageSize, members = l.Members.Rows.Select(Row),
            })));
        members.MapGet("/counts", async (HttpContext http, MemberService service, CancellationToken ct) =>
        {
            var counts = await service.CountsAsync(http.Session(), ct);
            return TypedResults.Ok(new { units = counts.Units, unplaced = counts.Unplaced });
        });
        members.MapGet("/export.xlsx", async ([AsParameters] MemberQueryString query, HttpContext http, MemberService service, CancellationToken ct) =>
            ApiResults.From(await service.ExportAsync(http.Session(), query.ToQuery(), ct), File));
        members.MapGet("/{id:long}", async (long id, HttpContext http, MemberService service, CancellationToken ct) =>
            ApiResults.From(await service.FindAsync(http.Session(), id, ct), m => TypedResults.Ok(Row(m))));
        members.MapPost("/{id:long}/move", async (long id, MoveRequest request, HttpContext http, MemberService service, CancellationToken ct) =>
            ApiResults.From(await service.MoveAsync(http.Session(), id, request?.UnitId, ct), m => TypedResults.Ok(Row(m))));
        members.MapPost("/{id:long}/erase", async (long id, HttpContext http, MemberService service, CancellationToken ct) =>
            ApiResults.From(await service.EraseAsync(http.Session(), id, ct), _ => TypedResults.NoContent()));
        return api;
    }

    private static object Row(MemberRow m) => new
    {
        id = m.ContactId, m.Channel, name = m.DisplayName, m.Status, unitId = m.OrgUnitId, unitName = m.OrgUnitName, m.JoinedAt,
        m.LastInteractionAt, windowOpen = m.IsWindowOpen, m.Topics,
    };

    private static IResult File(ReportFile file) => Results.File(file.Content, file.ContentType, file.FileName);

    public sealed record MoveRequest(long? UnitId);

    /// <summary>The filters as the query string names them (<c>topic</c> may repeat).</summary>
    public sealed record MemberQueryString(
        string? Name, string? Channel, long? UnitId, string[]? Topic, string? JoinedFrom, string? JoinedUntil, string? LastFrom,
        string? LastUntil, string? Window, string? Status, int? Page)
    {
        public MemberQuery ToQuery() => new()
        {
            Name = Name, Channel = Channel, UnitId = UnitId, Topics = Topic, JoinedFrom = JoinedFrom, JoinedUntil = JoinedUntil,
            LastFrom = LastFrom, LastUntil = LastUntil, Window = Window, Status = Status, Page = Page,
        };
    }
}
