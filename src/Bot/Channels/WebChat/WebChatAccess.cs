using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Outreach.Bot.Channels.WebChat;

/// <summary>
/// Who may use /webchat, which has no sign-in: anyone reaching it could write as any member (crisis alerts included) and read
/// any web chat member's replies. So it is off unless <c>Outreach:WebChat:Enabled</c> is true (default: on only in the
/// Development environment), and even then it answers only clients on this machine. Behind a reverse proxy every request
/// comes from loopback; the client's real address counts only when the proxy is configured (Outreach:ForwardedHeaders).
/// </summary>
public static class WebChatAccess
{
    public const string Section = "Outreach:WebChat";

    /// <summary>Binds <see cref="WebChatOptions"/>, defaulting to on in Development and off elsewhere.</summary>
    public static IServiceCollection AddWebChatAccess(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<WebChatOptions>().BindConfiguration(Section).PostConfigure(o => o.Enabled ??= environment.IsDevelopment());
        return services;
    }

    /// <summary>404 while the web chat is off (as if it did not exist), 403 to a client that is not on this machine.</summary>
    public static RouteGroupBuilder RequireWebChatAccess(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled != true)
            {
                return Results.NotFound();
            }

            var remote = http.Connection.RemoteIpAddress;
            return remote is not null && IPAddress.IsLoopback(remote)
                ? await next(context)
                : Results.StatusCode(StatusCodes.Status403Forbidden);
        });
}

/// <summary>The local web chat (section <c>Outreach:WebChat</c>).</summary>
public sealed class WebChatOptions
{
    /// <summary>Serve /webchat (to clients on this machine only). Unset: on in Development, off otherwise.</summary>
    public bool? Enabled { get; set; }
}
