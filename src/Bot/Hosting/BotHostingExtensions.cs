using Outreach.Bot.Health;
using Outreach.Bot.Metrics;
using Outreach.Bot.Staff;
using Outreach.Bot.Staff.Console.JobsDashboard;

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
        services.AddOutreachMetrics();
        services.AddOutreachConversations();
        services.AddOutreachStaff();
        builder.AddOutreachSecurity();
        return builder;
    }

    /// <summary>Maps the endpoints: health, metrics, conversations, staff API and console, Hangfire's dashboard (behind staff sign-in).</summary>
    public static WebApplication MapOutreachBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOutreachSecurity();
        app.UseOutreachMetrics();
        app.MapOutreachHealth();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOutreachConversations();
        app.MapOutreachStaff();
        app.UseStaffHangfireDashboard();
        return app;
    }
}
