using Hangfire;
using Outreach.Bot.Health;
using Outreach.Bot.Staff;

namespace Outreach.Bot.Hosting;

/// <summary>The composition root of the host: what Program.cs calls and nothing else.</summary>
public static class BotHostingExtensions
{
    /// <summary>Registers everything the gateway needs.</summary>
    public static WebApplicationBuilder AddOutreachBot(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOutreachContent();
        services.AddOutreachScheduler(runServer: builder.Configuration.GetValue("Outreach:Scheduler:RunServer", true));
        services.AddOutreachHealthChecks();
        services.AddOutreachConversations();
        services.AddOutreachStaff();
        return builder;
    }

    /// <summary>Maps the endpoints: health, Hangfire's dashboard.</summary>
    public static WebApplication MapOutreachBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOutreachHealth();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOutreachConversations();
        app.MapOutreachStaff();

        // Local requests only until the staff console brings sign-in (Hangfire's default dashboard filter).
        app.UseHangfireDashboard("/hangfire");
        return app;
    }
}
