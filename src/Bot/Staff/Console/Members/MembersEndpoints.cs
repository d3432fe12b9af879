using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Members;
using Outreach.Bot.Staff.Units;
using Outreach.Content.Channels;

namespace Outreach.Bot.Staff.Console.Members;

/// <summary>
/// /staff/members ("Hội viên"): her members with filters and counts per unit, the list as .xlsx; /staff/members/{id}: one
/// member, moving her (not viewers), erasing her on request (admins, after a confirmation). All over <see cref="MemberService"/>.
/// </summary>
public static class MembersEndpoints
{
    public static RouteGroupBuilder MapConsoleMembers(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/members", async ([AsParameters] MemberFilterForm form, string? notice, HttpContext http, MemberService members,
            UnitService units, ChannelCatalog channels, CancellationToken ct) =>
        {
            var session = http.Session();
            var query = form.ToQuery();
            var listing = await members.ListAsync(session, query, ct);
            if (!listing.IsOk && listing.Refusal.Kind != StaffRefusalKind.Invalid)
            {
                return Pages.Refusal(session, listing.Refusal);
            }

            return Pages.Render<MembersPage>(
                new
                {
                    Session = session, Query = query, Listing = listing.IsOk ? listing.Value : null, Problems = listing.IsOk ? null : listing.Refusal.Problems,
                    Tree = await units.TreeAsync(session, includeInactive: false, ct), Notice = ConsoleNotices.Text(notice), Channels = channels, ExportQuery = http.Request.QueryString.Value ?? "",
                },
                listing.IsOk ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        });
        console.MapGet("/members/export.xlsx", async ([AsParameters] MemberFilterForm form, HttpContext http, MemberService members, CancellationToken ct) =>
        {
            var file = await members.ExportAsync(http.Session(), form.ToQuery(), ct);
            return file.IsOk ? Results.File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : Pages.Refusal(http.Session(), file.Refusal);
        });
        console.MapGet("/members/{id:long}", async (long id, string? notice, HttpContext http, MemberService members, UnitService units, CancellationToken ct) =>
            await PageAsync(http, members, units, id, null, ConsoleNotices.Text(notice), ct));
        console.MapPost("/members/{id:long}/move", async (long id, [FromForm] MemberMoveForm form, HttpContext http, MemberService members, UnitService units,
            CancellationToken ct) =>
        {
            var moved = await members.MoveAsync(http.Session(), id, form.UnitId, ct);
            return moved.IsOk ? Pages.SeeOther(ConsolePaths.Member(id), ConsoleNotices.MemberMoved)
                : moved.Refusal.Kind == StaffRefusalKind.Invalid ? await PageAsync(http, members, units, id, moved.Refusal.Problems, null, ct)
                : Pages.Refusal(http.Session(), moved.Refusal);
        });
        console.MapPost("/members/{id:long}/erase", async (long id, [FromForm] MemberMoveForm form, HttpContext http, MemberService members, UnitService units,
            CancellationToken ct) =>
        {
            if (form.Confirm != "1")
            {
                return await PageAsync(http, members, units, id, new Dictionary<string, string[]> { ["confirm"] = ["Đánh dấu ô xác nhận trước khi xóa."] }, null, ct);
            }

            var erased = await members.EraseAsync(http.Session(), id, ct);
            return erased.IsOk ? Pages.SeeOther(ConsolePaths.Members, ConsoleNotices.MemberErased) : Pages.Refusal(http.Session(), erased.Refusal);
        });
        return console;
    }

    private static async Task<IResult> PageAsync(
        HttpContext http, MemberService members, UnitService units, long id, IReadOnlyDictionary<string, string[]>? problems, string? notice, CancellationToken ct)
    {
        var session = http.Session();
        var member = await members.FindAsync(session, id, ct);
        return member.IsOk
            ? Pages.Render<MemberPage>(new { Session = session, Member = member.Value, Tree = await units.TreeAsync(session, false, ct), Problems = problems, Notice = notice },
                problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest)
            : Pages.Refusal(session, member.Refusal);
    }
}

/// <summary>The filters as the page's GET form names them.</summary>
public sealed record MemberFilterForm(
    string? Name, string? Channel, string? UnitId, string[]? Topic, string? JoinedFrom, string? JoinedUntil, string? LastFrom, string? LastUntil,
    string? Window, string? Status, string? Page)
{
    // A GET form sends empty fields as "" (UnitId=&Page=): read as "no filter", never as a binding error.
    public MemberQuery ToQuery() => new()
    {
        Name = Name, Channel = Channel, UnitId = long.TryParse(UnitId, out var unit) ? unit : null, Topics = Topic, JoinedFrom = JoinedFrom,
        JoinedUntil = JoinedUntil, LastFrom = LastFrom, LastUntil = LastUntil, Window = Window, Status = Status,
        Page = int.TryParse(Page, out var page) ? page : null,
    };
}

/// <summary>The move and erase forms.</summary>
public sealed class MemberMoveForm
{
    public long? UnitId { get; set; }

    public string? Confirm { get; set; }
}
