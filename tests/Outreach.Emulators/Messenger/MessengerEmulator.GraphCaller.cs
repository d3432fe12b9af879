using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Messenger;

public sealed partial class MessengerEmulator
{
    // The checks every Page call to the Graph API gets, in Meta's order: the version, a token, the token of a known Page
    // that has not expired, and appsecret_proof (wrong, or missing where the app requires it). On success, the Page it names.
    private IResult? GraphCallerProblem(HttpRequest request, string version, out string page)
    {
        page = "";
        var token = request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal)
            ? auth["Bearer ".Length..]
            : request.Query["access_token"].ToString();
        if (!VersionPattern().IsMatch(version))
        {
            return Error(MessengerGraphErrors.UnknownPath(request.Path));
        }

        if (token.Length == 0)
        {
            return Error(MessengerGraphErrors.MissingToken());
        }

        var known = Options.PageTokens.FirstOrDefault(p => p.Value == token).Key;
        if (known is null || _expiredTokens.ContainsKey(known))
        {
            return Error(known is null ? MessengerGraphErrors.InvalidToken() : MessengerGraphErrors.ExpiredToken());
        }

        var proof = request.Query["appsecret_proof"].ToString();
        if ((proof.Length > 0 && proof != Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Options.AppSecretOf(known)), Encoding.UTF8.GetBytes(token))))
            || (proof.Length == 0 && Options.RequireAppSecretProof))
        {
            return Error(proof.Length > 0 ? MessengerGraphErrors.InvalidAppSecretProof() : MessengerGraphErrors.AppSecretProofRequired());
        }

        page = known;
        return null;
    }
}
