using System.Net;
using System.Net.Sockets;

namespace BoxOffice.Api.RateLimiting;

/// <summary>
/// The client a request counts against: the connection's remote address (Kestrel's peer; in Lambda the hosting layer
/// sets it from API Gateway's <c>sourceIp</c>), never a forwarding header a client can write. An IPv6 client counts
/// by its /64, the block one subscriber usually holds, so rotating addresses inside it gains nothing.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string PartitionKey(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
