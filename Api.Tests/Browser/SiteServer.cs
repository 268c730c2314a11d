using System.Net;
using BoxOffice.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
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
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public SiteServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Origin = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string Origin { get; }

    public string Url(string path) => Origin + path;

    /// <summary>An HTTP client for arranging data through the API on the same server (over the socket).</summary>
    public Task<HttpClient> ApiClientAsync(string username, params string[] groups) => ClientForAsync(username, groups);
}
