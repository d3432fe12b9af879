using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console;

namespace Outreach.Bot.Staff;

/// <summary>The staff side: sign-in, the JSON API under /staff/api and the console under /staff.</summary>
public static class StaffEndpoints
{
    public static IServiceCollection AddOutreachStaff(this IServiceCollection services)
    {
        services.AddStaffAuthentication();
        services.AddProblemDetails();
        services.AddStaffConsole();
        return services;
    }

    public static IEndpointRouteBuilder MapOutreachStaff(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/staff/api");
        api.MapSessionApi();
        api.MapPostsApi();
        api.MapBroadcastsApi();
        api.MapHandoffsApi();
        endpoints.MapStaffConsole();
        return endpoints;
    }
}
