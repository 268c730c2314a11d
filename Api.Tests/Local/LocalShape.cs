using BoxOffice.Hosting.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BoxOffice.Api.Tests.Local;

/// <summary>The local shape's adapters as the app wires them, over a temporary data folder removed on dispose.</summary>
public sealed class LocalShape : IDisposable
{
    private readonly IHost _host;
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "boxoffice-tests", Guid.NewGuid().ToString("N"));

    public LocalShape(TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BoxOffice:Shape"] = "Local",
            ["BoxOffice:Local:DataPath"] = _dataPath,
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBoxOfficeCore(AwsSettings.Api);
        builder.Services.AddSingleton(clock);
        _host = builder.Build();
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public void Dispose()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath)) Directory.Delete(_dataPath, recursive: true);
    }
}

/// <summary>The local shapes one test created, removed together when the test ends.</summary>
public sealed class LocalShapes : IDisposable
{
    private readonly List<LocalShape> _shapes = [];

    public LocalShape New(TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var shape = new LocalShape(clock, settings);
        _shapes.Add(shape);
        return shape;
    }

    public void Dispose()
    {
        foreach (var shape in _shapes) shape.Dispose();
    }
}
