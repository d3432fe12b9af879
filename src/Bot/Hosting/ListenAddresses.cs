using System.Globalization;
using System.Text.RegularExpressions;

namespace Outreach.Bot.Hosting;

/// <summary>
/// Checks the configured listen addresses (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c>) before Kestrel sees them.
/// Kestrel is lenient: it reads "http://127.0.0.1:abc" as "any address, port 80", which would open the gateway to the network.
/// </summary>
internal static partial class ListenAddresses
{
    public static void Validate(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            return;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = UrlPattern().Match(url);
            var port = match.Groups["port"];
            if (!match.Success
                || (port.Success && !(int.TryParse(port.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535)))
            {
                throw new InvalidListenAddressException(
                    $"'{url}' không phải địa chỉ nghe hợp lệ (cần dạng http://máy:cổng, cổng từ 0 đến 65535)");
            }
        }
    }

    [GeneratedRegex(@"^https?://(\[[0-9A-Fa-f:.]+\]|[^:/\[\]]+)(:(?<port>[^/]*))?/?$", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}

/// <summary>A configured listen address is malformed.</summary>
public sealed class InvalidListenAddressException : FormatException
{
    public InvalidListenAddressException(string message)
        : base(message)
    {
    }

    public InvalidListenAddressException()
    {
    }

    public InvalidListenAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
