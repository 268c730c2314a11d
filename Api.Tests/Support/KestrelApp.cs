using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Support;

/// <summary>
/// The local shape on a real Kestrel socket at a free 127.0.0.1 port, for what TestServer does not do: Kestrel's own
/// limits and timeouts, tuned by the constructor's configure after the app's own settings.
/// </summary>
public class KestrelApp : BoxOfficeApp
{
    public KestrelApp(Action<KestrelServerOptions>? configure = null)
    {
        UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            configure?.Invoke(kestrel);
        });
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Port = new Uri(address).Port;
    }

    public int Port { get; }
}
