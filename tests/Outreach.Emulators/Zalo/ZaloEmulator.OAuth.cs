using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Zalo;

/// <summary>
/// The OAuth v4 token endpoint (§5): form body, app secret in the <c>secret_key</c> header, single-use rotating refresh
/// tokens that expire after <see cref="ZaloEmulatorOptions.RefreshTokenLifetime"/>. A spent or unknown refresh token gets <c>{"error":-14014,"error_name":"Invalid refresh token"}</c> (P3).
/// </summary>
public sealed partial class ZaloEmulator
{
    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return OAuthError(-14001, "Invalid parameter");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);

        // The codes for a wrong secret, app id or grant type are not documented; these are placeholders of the right family.
        // A refresh token belongs to one OA: only its app's id and secret key may spend it.
        var oa = Oa(OaOfToken(form["refresh_token"].ToString()) ?? Options.OaId);
        if (context.Request.Headers["secret_key"].ToString() != oa.AppSecret)
        {
            return OAuthError(-14002, "Invalid secret key");
        }

        if (form["app_id"].ToString() != oa.AppId)
        {
            return OAuthError(-14002, "Invalid app id");
        }

        if (form["grant_type"].ToString() != "refresh_token")
        {
            return OAuthError(-14001, "Invalid grant type");
        }

        string access;
        string refresh;
        lock (_tokenLock)
        {
            var presented = form["refresh_token"].ToString();
            // Refresh tokens last three months (on the emulator's clock); an expired one is refused like a spent one.
            if (!_refreshTokens.TryGetValue(presented, out var spent) || spent
                || (_refreshExpires.TryGetValue(presented, out var expires) && expires <= Clock.GetUtcNow()))
            {
                return Options.EmptyBodyForSpentRefreshToken
                    ? Results.Text("", "application/json")
                    : Results.Text("{\"error\":-14014,\"error_name\":\"Invalid refresh token\"}", "application/json");
            }

            _refreshTokens[presented] = true;
            access = IssueAccessToken(oa.OaId);
            refresh = IssueRefreshToken(oa.OaId);
        }

        var json = JsonSerializer.Serialize(new
        {
            access_token = access,
            refresh_token = refresh,
            expires_in = ((long)Options.AccessTokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        });
        return Results.Text(json, "application/json");
    }

    private static IResult OAuthError(int code, string name) =>
        Results.Text(JsonSerializer.Serialize(new { error = code, error_name = name }), "application/json");
}
