namespace Outreach.Bot.Channels;

/// <summary>
/// A channel's registration, found by scanning (a public class with a parameterless constructor): its options and clients,
/// its <see cref="IChannel"/> and <see cref="Scheduler.Sending.IChannelSender"/>, and its webhook endpoints. Adding a channel
/// needs no edit outside its folder (and a migration naming it in the channels table).
/// </summary>
public interface IChannelModule
{
    /// <summary>Registers the channel's services: at least one <see cref="IChannel"/> and its sender.</summary>
    void AddServices(IServiceCollection services);

    /// <summary>Maps the channel's webhook (or other inbound) endpoints.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
