using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Outreach.Bot.Channels.WebChat;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;
using Outreach.Scheduler.Retention;

namespace Outreach.Bot.Hosting;

/// <summary>
/// The security side of the composition, in one place: proxies and HSTS, the shared Data Protection key ring, the web chat's
/// gate, the sign-in rate limiter, the JSON API's cross-site guard and the retention job.
/// </summary>
internal static class SecurityHosting
{
    public static WebApplicationBuilder AddOutreachSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOutreachSecurityStores();
        services.AddOutreachProxies();
        services.AddOutreachKeyRing(builder.Configuration);
        services.AddWebChatAccess(builder.Environment);
        RetentionJobsStartup.AddRetentionJobs(services, builder.Configuration.GetValue("Outreach:Scheduler:RunServer", true));

        // The antiforgery cookie is Secure whenever the request is HTTPS, like the sign-in cookie.
        services.PostConfigure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>The middleware, in order: forwarded headers first (everything after sees the client's address and scheme).</summary>
    public static WebApplication UseOutreachSecurity(this WebApplication app)
    {
        app.UseOutreachProxies();
        app.UseRateLimiter();
        app.UseStaffApiRequestGuard();
        return app;
    }
}
