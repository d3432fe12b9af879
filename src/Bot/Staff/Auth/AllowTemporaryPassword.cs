using Microsoft.AspNetCore.Http;

namespace Outreach.Bot.Staff.Auth;

/// <summary>
/// Endpoint metadata: this endpoint also serves a staff member whose password is a one-time one (who she is, choosing her own
/// password, signing out). Every other staff endpoint refuses her until she has chosen one.
/// </summary>
public sealed class AllowTemporaryPassword
{
    public const string Problem = "Bạn cần đổi mật khẩu tạm trước khi tiếp tục.";

    public static AllowTemporaryPassword Instance { get; } = new();

    public static bool On(HttpContext context) => context?.GetEndpoint()?.Metadata.GetMetadata<AllowTemporaryPassword>() is not null;
}
