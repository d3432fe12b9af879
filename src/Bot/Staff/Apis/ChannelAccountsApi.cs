using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.ChannelAccounts;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/channel-accounts: the Facebook Pages and Zalo OAs of the caller's subtree (<see cref="ChannelAccountService"/>).
/// Everyone reads them (never a secret: <c>"đã lưu"</c> and when they last changed); admins add one (<c>POST</c>), change it
/// (<c>PUT …/{id}</c>: name, unit, any secret given), and turn it off and on. Another unit's account, or a unit outside her
/// subtree, is a 404; a bad field a 400 naming it in Vietnamese.
/// </summary>
public static class ChannelAccountsApi
{
    private const string Saved = "đã lưu";

    public static RouteGroupBuilder MapChannelAccountsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var accounts = api.MapGroup("/channel-accounts").RequireStaff();
        accounts.MapGet("", async (HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(http.Session(), ct)).Accounts.Select(Json)));
        accounts.MapPost("", async (ChannelAccountRequest request, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            ApiResults.From(await service.CreateAsync(http.Session(), request ?? new(), ct),
                v => TypedResults.Created($"/staff/api/channel-accounts/{v.Account.Id}", Json(v))));
        accounts.MapGet("/{id:long}", async (long id, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            ApiResults.From(await service.DetailsAsync(http.Session(), id, ct), d => TypedResults.Ok(Json(d.View))));
        accounts.MapPut("/{id:long}", async (long id, ChannelAccountRequest request, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            ApiResults.From(await service.UpdateAsync(http.Session(), id, request ?? new(), ct), v => TypedResults.Ok(Json(v))));
        accounts.MapPost("/{id:long}/deactivate", async (long id, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            ApiResults.From(await service.SetActiveAsync(http.Session(), id, false, ct), v => TypedResults.Ok(Json(v))));
        accounts.MapPost("/{id:long}/reactivate", async (long id, HttpContext http, ChannelAccountService service, CancellationToken ct) =>
            ApiResults.From(await service.SetActiveAsync(http.Session(), id, true, ct), v => TypedResults.Ok(Json(v))));
        return api;
    }

    private static object Json(ChannelAccountView view)
    {
        var a = view.Account;
        return new
        {
            id = a.Id,
            channel = a.Channel,
            accountId = a.AccountId,
            name = a.Name,
            unit = a.OrgUnitId is { } unitId ? new { id = unitId, name = a.UnitName } : null,
            appId = a.AppId,
            active = a.IsActive,
            origin = a.Origin,
            secrets = view.IsZalo
                ? (object)new { appSecret = view.HasAppSecret ? Saved : null, oaSecretKey = view.HasOaSecretKey ? Saved : null, refreshToken = view.HasRefreshToken ? Saved : null }
                : new { appSecret = view.HasAppSecret ? Saved : null, accessToken = view.HasAccessToken ? Saved : null },
            secretsChangedAt = a.SecretsChangedAt,
            secretsChangedBy = a.SecretsChangedBy,
            health = new { state = view.IsZalo && view.RefreshError is not null ? "token_refused" : a.HealthState, text = view.HealthText, since = a.HealthSince, down = view.IsDown },
        };
    }
}
