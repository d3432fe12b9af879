using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Outreach.Bot.Staff.Auth;

/// <summary>
/// Sign-in attempts per client address (ASP.NET Core rate limiting: a sliding window per address, <see cref="SignInOptions"/>).
/// The address is the connection's, or the client's as a configured proxy reports it (Outreach:ForwardedHeaders). A refused
/// attempt gets 429 with Retry-After and a Vietnamese sentence, as JSON on the API and as the sign-in page on the console.
/// </summary>
public static class SignInRateLimiting
{
    public const string Policy = "staff-sign-in";

    public const string TooMany = "Có quá nhiều lần đăng nhập từ địa chỉ này. Hãy thử lại sau ít phút.";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value;
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = options.AttemptsPerAddress,
                    Window = TimeSpan.FromMinutes(options.AddressWindowMinutes),
                    SegmentsPerWindow = Math.Min(options.AddressWindowMinutes, 10),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, context.Lease, cancellationToken);
        });
        return services;
    }

    private static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        IResult answer = http.Request.Path.StartsWithSegments("/staff/api", StringComparison.Ordinal)
            ? Results.Problem(TooMany, statusCode: StatusCodes.Status429TooManyRequests)
            : Console.SignIn.SignInEndpoints.Refused(TooMany, StatusCodes.Status429TooManyRequests);
        cancellationToken.ThrowIfCancellationRequested();
        await answer.ExecuteAsync(http);
    }
}
