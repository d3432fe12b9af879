using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.ChannelAccounts;
using Outreach.Bot.Staff.Console.Layout;

namespace Outreach.Bot.Staff.Console.ChannelAccounts;

/// <summary>
/// /staff/channel-accounts ("Trang và OA"): the Pages and OAs of her subtree, with admins' forms to add one;
/// /staff/channel-accounts/{id}: one account (secrets only as "đã lưu"), its unit and secrets changed, turned off and on.
/// All over <see cref="ChannelAccountService"/>, as the JSON API.
/// </summary>
public static class ChannelAccountsEndpoints
{
    public static RouteGroupBuilder MapConsoleChannelAccounts(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/channel-accounts", async (string? notice, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            await ListAsync(http, service, null, ConsoleNotices.Text(notice), ct));
        console.MapPost("/channel-accounts", async ([FromForm] ChannelAccountForm form, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
        {
            var result = await service.CreateAsync(http.Session(), form.ToRequest(), ct);
            return result.IsOk ? Pages.SeeOther(ConsolePaths.ChannelAccount(result.Value.Account.Id), ConsoleNotices.ChannelAccountSaved)
                : result.Refusal.Kind == StaffRefusalKind.Invalid ? await ListAsync(http, service, result.Refusal.Problems, null, ct, form.Channel)
                : Pages.Refusal(http.Session(), result.Refusal);
        });
        console.MapGet("/channel-accounts/{id:long}", async (long id, string? notice, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            await PageAsync(http, service, id, null, ConsoleNotices.Text(notice), ct));
        console.MapPost("/channel-accounts/{id:long}", async (long id, [FromForm] ChannelAccountForm form, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            await AfterAsync(http, service, id, await service.UpdateAsync(http.Session(), id, form.ToRequest(), ct), ct));
        console.MapPost("/channel-accounts/{id:long}/deactivate", async (long id, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            await AfterAsync(http, service, id, await service.SetActiveAsync(http.Session(), id, false, ct), ct));
        console.MapPost("/channel-accounts/{id:long}/reactivate", async (long id, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            await AfterAsync(http, service, id, await service.SetActiveAsync(http.Session(), id, true, ct), ct));
        return console;
    }

    private static async Task<IResult> AfterAsync(HttpContext http, ChannelAccountService service, long id, StaffResult<ChannelAccountView> result, CancellationToken ct) =>
        result.IsOk ? Pages.SeeOther(ConsolePaths.ChannelAccount(id), ConsoleNotices.ChannelAccountSaved)
        : result.Refusal.Kind == StaffRefusalKind.Invalid ? await PageAsync(http, service, id, result.Refusal.Problems, null, ct)
        : Pages.Refusal(http.Session(), result.Refusal);

    private static async Task<IResult> ListAsync(
        HttpContext http, ChannelAccountService service, IReadOnlyDictionary<string, string[]>? problems, string? notice, CancellationToken ct,
        string? posted = null)
    {
        var session = http.Session();
        return Pages.Render<ChannelAccountsPage>(
            new { Session = session, List = await service.ListAsync(session, ct), Problems = problems, Notice = notice, Posted = posted },
            problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> PageAsync(
        HttpContext http, ChannelAccountService service, long id, IReadOnlyDictionary<string, string[]>? problems, string? notice, CancellationToken ct)
    {
        var session = http.Session();
        var details = await service.DetailsAsync(session, id, ct);
        return details.IsOk
            ? Pages.Render<ChannelAccountPage>(new { Session = session, Details = details.Value, Problems = problems, Notice = notice },
                problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest)
            : Pages.Refusal(session, details.Refusal);
    }
}

/// <summary>The add and edit forms (each uses its own fields).</summary>
public sealed class ChannelAccountForm
{
    public string? Channel { get; set; }

    public string? AccountId { get; set; }

    public string? Name { get; set; }

    public long? UnitId { get; set; }

    public string? AppId { get; set; }

    public string? AppSecret { get; set; }

    public string? OaSecretKey { get; set; }

    public string? AccessToken { get; set; }

    public string? RefreshToken { get; set; }

    public ChannelAccountRequest ToRequest() => new(Channel, AccountId, Name, UnitId, AppId, AppSecret, OaSecretKey, AccessToken, RefreshToken);
}
