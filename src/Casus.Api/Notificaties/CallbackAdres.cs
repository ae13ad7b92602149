using System.Net;
using System.Net.Sockets;

namespace Casus.Api.Notificaties;

/// <summary>Where deliveries may go. Outside Development only https, and never to loopback, private, link-local, carrier
/// NAT, unspecified or cloud metadata addresses, unless a network is explicitly allowed. Checked when a subscription is
/// registered, and again at every connection after DNS resolution (so a name that later resolves inward is refused).</summary>
public static class CallbackAdres
{
    private static readonly IPNetwork[] Verboden =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Why <paramref name="url"/> cannot be a callback, or null when it can (the host is not resolved here).</summary>
    public static string? Ongeldig(string url, WebhookInstellingen instellingen)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
            return "Geen geldige absolute http(s)-URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "Een URL met gebruikersnaam of wachtwoord is niet toegestaan.";
        if (uri.Scheme != "https" && !instellingen.LokaleAdressenToestaan) return "Alleen https is toegestaan.";
        if (IPAddress.TryParse(uri.IdnHost, out var ip) && !Toegestaan(ip, instellingen)) return $"Het adres {ip} is intern en niet toegestaan.";
        if (uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !instellingen.LokaleAdressenToestaan)
            return "localhost is niet toegestaan.";
        return null;
    }

    public static bool Toegestaan(IPAddress adres, WebhookInstellingen instellingen)
    {
        if (instellingen.LokaleAdressenToestaan) return true;
        var ip = adres.IsIPv4MappedToIPv6 ? adres.MapToIPv4() : adres;
        if (instellingen.Netwerken().Any(n => n.Contains(ip))) return true;
        return !Verboden.Any(n => n.BaseAddress.AddressFamily == ip.AddressFamily && n.Contains(ip));
    }

    /// <summary>The HTTP handler of deliveries: resolves the host itself and connects only to an allowed address.</summary>
    public static SocketsHttpHandler Handler(WebhookInstellingen instellingen) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var adressen = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var adres = adressen.FirstOrDefault(a => Toegestaan(a, instellingen))
                ?? throw new HttpRequestException($"Het adres van {context.DnsEndPoint.Host} is intern en niet toegestaan.");
            var socket = new Socket(adres.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(adres, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
