using BoxOffice.Adapters.Local;
using BoxOffice.Adapters.Local.Files;
using BoxOffice.Adapters.Local.Identity;
using BoxOffice.Adapters.Local.Sqlite;
using BoxOffice.Core.Dependencies;
using BoxOffice.Core.Files;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Queue;
using BoxOffice.Core.Reports;
using BoxOffice.Core.Shows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BoxOffice.Hosting.Composition;

internal static class LocalShapeExtensions
{
    /// <summary>Wires the ports to SQLite, a folder on disk, the SQLite queue and the dev token issuer.</summary>
    public static IHostApplicationBuilder AddLocalShape(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<LocalDataFolder>();
        services.AddSingleton(sp => new CursorCodec(CursorKey(sp) ?? sp.GetRequiredService<LocalDataFolder>().Secret("cursor")));
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<LocalDataFolder>().PathOf("boxoffice.db"), DataSchema.Sql, DataSchema.UpgradeAsync));
        services.AddSingleton<IShowStore, SqliteShowStore>();
        services.AddSingleton<IOrderStore, SqliteOrderStore>();
        services.AddSingleton<IReportStore, SqliteReportStore>();
        services.AddSingleton<ITransientFailures, SqliteTransientFailures>();

        services.AddSingleton(sp => new LocalUrlSigner(sp.GetRequiredService<LocalDataFolder>().Secret("file-urls")));
        services.AddSingleton<LocalFileStore>();
        services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<LocalFileStore>());

        services.AddSingleton(sp => new SqliteJobQueue(
            new SqliteDatabase(sp.GetRequiredService<LocalDataFolder>().PathOf("queue.db"), SqliteJobQueue.Schema, SqliteJobQueue.UpgradeAsync),
            sp.GetRequiredService<IOptions<QueueOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<SqliteJobQueue>());
        services.AddSingleton<IDeadLetters>(sp => sp.GetRequiredService<SqliteJobQueue>());

        services.AddSingleton<DevTokenIssuer>();
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>, DevIssuerConfigurationManager>();
        return builder;
    }

    /// <summary>A configured cursor key wins over the generated one (needed when several processes page the same data).</summary>
    public static byte[]? CursorKey(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<PagingOptions>>().Value.CursorKey is { Length: > 0 } key ? Convert.FromBase64String(key) : null;
}
