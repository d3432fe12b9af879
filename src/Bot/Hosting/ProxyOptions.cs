using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Outreach.Bot.Hosting;

/// <summary>
/// The reverse proxies in front of the gateway (section <c>Outreach:ForwardedHeaders</c>). Only requests arriving from these
/// addresses may say, in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, who the client is and whether she used HTTPS.
/// With none configured (the default) those headers are ignored: the connection's own address and scheme count.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Outreach:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. 127.0.0.1 for nginx on the same machine.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. 10.0.0.0/24 for a load balancer's subnet.</summary>
    public IList<string> KnownNetworks { get; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownProxies: '{proxy}' không phải địa chỉ IP.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult(
                $"{Section}:KnownNetworks: '{network}' không phải mạng dạng CIDR (ví dụ 10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }
}
