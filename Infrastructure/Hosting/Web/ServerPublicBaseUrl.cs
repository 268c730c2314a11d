using System.Globalization;
using BoxOffice.Core.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BoxOffice.Hosting.Web;

/// <summary>
/// The configured <see cref="PublicUrlOptions.BaseUrl"/>, else the first address the server listens on (known once it
/// has started; a wildcard host such as <c>0.0.0.0</c> is named <c>localhost</c>), else <c>http://localhost</c>:
/// a server with no address (the test server, the Lambda bridge) or no server at all (the Worker).
/// </summary>
internal sealed class ServerPublicBaseUrl(IOptions<PublicUrlOptions> options, IServiceProvider services) : IPublicBaseUrl
{
    private const string NoAddress = "http://localhost";
    private static readonly string[] WildcardHosts = ["+", "*", "0.0.0.0", "[::]"];

    public string Value => options.Value.BaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : Listening() ?? NoAddress;

    public string Origin => new Uri(Value).GetLeftPart(UriPartial.Authority);

    private string? Listening()
    {
        // Looked up, not injected: the Worker's host has no server.
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        var binding = BindingAddress.Parse(address);
        var host = WildcardHosts.Contains(binding.Host, StringComparer.Ordinal) ? "localhost" : binding.Host;
        var port = (binding.Scheme, binding.Port) is ("http", 80) or ("https", 443) ? "" : ":" + binding.Port.ToString(CultureInfo.InvariantCulture);
        return $"{binding.Scheme}://{host}{port}{binding.PathBase}".TrimEnd('/');
    }
}
