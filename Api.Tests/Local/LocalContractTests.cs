using System.Globalization;
using BoxOffice.Adapters.Local.Identity;
using BoxOffice.Adapters.Local.Sqlite;
using BoxOffice.Api.Tests.Contracts;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Core.Files;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Queue;
using BoxOffice.Core.Reports;
using BoxOffice.Core.Shows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BoxOffice.Api.Tests.Local;

public sealed class SqliteShowStoreContractTests : ShowStoreContract, IDisposable
{
    private readonly LocalShapes _shapes = new();

    protected override Task<IShowStore> CreateStoreAsync() => Task.FromResult(_shapes.New(Clock).Get<IShowStore>());

    public void Dispose() => _shapes.Dispose();
}

public sealed class SqliteOrderStoreContractTests : OrderStoreContract, IDisposable
{
    private readonly LocalShapes _shapes = new();
    private LocalShape? _last;

    protected override Task<(IShowStore Shows, IOrderStore Orders)> CreateStoresAsync()
    {
        var shape = _last = _shapes.New(TimeProvider.System);
        return Task.FromResult((shape.Get<IShowStore>(), shape.Get<IOrderStore>()));
    }

    protected override async Task SetSeatsAvailableAsync(string showId, int seatsAvailable)
    {
        await using var connection = await _last!.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE shows SET seats_available = $seats WHERE show_id = $id", CancellationToken.None, ("$seats", seatsAvailable), ("$id", showId));
    }

    public void Dispose() => _shapes.Dispose();
}

public sealed class SqliteReportStoreContractTests : ReportStoreContract, IDisposable
{
    private readonly LocalShapes _shapes = new();

    protected override Task<IReportStore> CreateStoreAsync() => Task.FromResult(_shapes.New(TimeProvider.System).Get<IReportStore>());

    public void Dispose() => _shapes.Dispose();
}

public sealed class SqliteJobQueueContractTests : JobQueueContract, IDisposable
{
    private readonly LocalShapes _shapes = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override Task LetTimePassAsync(TimeSpan time)
    {
        _clock.Advance(time);
        return Task.CompletedTask;
    }

    protected override Task<(IJobQueue Queue, IDeadLetters DeadLetters)> CreateAsync(int maxReceives)
    {
        var shape = _shapes.New(_clock, new Dictionary<string, string?>
        {
            ["BoxOffice:Queue:VisibilityTimeout"] = VisibilityTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["BoxOffice:Queue:MaxReceives"] = maxReceives.ToString(CultureInfo.InvariantCulture),
        });
        return Task.FromResult((shape.Get<IJobQueue>(), shape.Get<IDeadLetters>()));
    }

    public void Dispose() => _shapes.Dispose();
}

/// <summary>
/// The local file store behind the Api, whose <c>/files</c> routes serve its signed URLs. No jobs run in it: an
/// upload raises a poster job, whose handler would delete a file that is no show's poster while the test reads it.
/// </summary>
public sealed class LocalFileStoreContractTests : FileStoreContract, IAsyncLifetime
{
    private readonly BoxOfficeApp _app = BoxOfficeApp.With(null, new Dictionary<string, string?> { ["BoxOffice:Queue:ProcessInApi"] = "false" });
    private HttpClient _client = null!;

    protected override HttpClient UrlClient => _client;

    protected override Task LetTimePassAsync(TimeSpan time)
    {
        _app.Clock.Advance(time);
        return Task.CompletedTask;
    }

    protected override Task<IFileStore> CreateStoreAsync() => Task.FromResult(_app.Services.GetRequiredService<IFileStore>());

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}

public sealed class DevIssuerSigningKeysContractTests : SigningKeysContract, IDisposable
{
    private readonly LocalShapes _shapes = new();

    protected override Task<(IConfigurationManager<OpenIdConnectConfiguration> Keys, Func<Task<string>> IssueToken, string Issuer)> CreateAsync()
    {
        var shape = _shapes.New(TimeProvider.System);
        var issuer = shape.Get<DevTokenIssuer>();
        return Task.FromResult((shape.Get<IConfigurationManager<OpenIdConnectConfiguration>>(),
            (Func<Task<string>>)(() => Task.FromResult(issuer.Mint("alice", [], null).AccessToken)), issuer.Issuer));
    }

    public void Dispose() => _shapes.Dispose();
}
