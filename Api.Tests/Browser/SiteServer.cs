using System.Net;
using BoxOffice.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Browser;

/// <summary>
/// The whole local shape on a real Kestrel socket (a browser cannot reach TestServer): a free 127.0.0.1 port, its
/// own temporary data folder, stopped on dispose.
/// </summary>
public sealed class SiteServer : BoxOfficeApp
{
    public SiteServer()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Origin = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string Origin { get; }

    public string Url(string path) => Origin + path;

    /// <summary>An HTTP client for arranging data through the API on the same server.</summary>
    public async Task<HttpClient> ApiClientAsync(string username, params string[] groups)
    {
        var client = await ClientForAsync(username, groups);
        client.BaseAddress = new Uri(Origin);
        return client;
    }
}
