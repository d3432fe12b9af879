using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Auth;

namespace Outreach.Bot.Staff;

/// <summary>The staff side: sign-in and the JSON API under /staff/api.</summary>
public static class StaffEndpoints
{
    public static IServiceCollection AddOutreachStaff(this IServiceCollection services)
    {
        services.AddStaffAuthentication();
        services.AddProblemDetails();
        return services;
    }

    public static IEndpointRouteBuilder MapOutreachStaff(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/staff/api");
        api.MapSessionApi();
        api.MapPostsApi();
        api.MapBroadcastsApi();
        return endpoints;
    }
}
