using System.Net.Http.Headers;
using System.Net.Http.Json;
using BoxOffice.Hosting.Metrics;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;

namespace BoxOffice.Api.Tests.Support;

/// <summary>
/// The whole Api in the local shape over its own temporary data folder, with a fake clock (it starts at the real
/// time and moves only when a test advances it), captured logs (warnings and up unless <c>Serilog:MinimumLevel</c> is
/// set), captured EMF metric lines (flushed every 200 ms), short queue timings and rate limits too generous to bite. Pass the same folder to a second
/// instance to simulate a restart.
/// </summary>
public class BoxOfficeApp : WebApplicationFactory<Program>
{
    /// <summary>How long a received job stays hidden, in the app's (fake) time.</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(1);

    private const string GenerousPermitLimit = "100000";

    private readonly bool _ownsFolder;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BoxOfficeApp()
        : this(null, null, null)
    {
    }

    /// <summary>
    /// An instance over <paramref name="dataPath"/> (kept on dispose) and/or with extra settings, and
    /// <paramref name="services"/> applied last to its container (decorated stores, say).
    /// </summary>
    public static BoxOfficeApp With(string? dataPath, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(dataPath, settings, services);

    /// <summary>
    /// Why the app does not start with <paramref name="settings"/>. WebApplicationFactory runs Program on a thread of
    /// its own; when the start fails it now and then reaches the already disposed host first and throws an
    /// ObjectDisposedException instead of the cause (dotnet/aspnetcore#33494), so such an attempt is made again.
    /// </summary>
    public static async Task<Exception> StartFailureAsync(IReadOnlyDictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var app = With(null, settings);
            var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
            if (error is not ObjectDisposedException || attempt == 3) return error;
        }
    }

    /// <summary>An instance whose logs keep information lines too, for tests that read request and job lines.</summary>
    public static BoxOfficeApp WithInformationLogs() => new(null, new Dictionary<string, string?> { ["Serilog:MinimumLevel"] = "Information" }, null);

    private BoxOfficeApp(string? dataPath, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        _services = services;
        _ownsFolder = dataPath is null;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "boxoffice-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["BoxOffice:Shape"] = "Local",
            ["BoxOffice:Local:DataPath"] = DataPath,
            ["BoxOffice:Queue:PollWait"] = "00:00:00.200",
            ["BoxOffice:Queue:VisibilityTimeout"] = VisibilityTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["BoxOffice:Queue:MaxReceives"] = "3",
            ["Serilog:MinimumLevel"] = "Warning",
            ["BoxOffice:Metrics:FlushInterval"] = "00:00:00.200",
            // Every test client shares one address here (TestServer has none) and some place many orders: limits that
            // never bite, unless a test sets its own (Api.Tests/Security/RateLimitTests.cs).
            ["BoxOffice:RateLimits:Orders:PermitLimit"] = GenerousPermitLimit,
            ["BoxOffice:RateLimits:Reports:PermitLimit"] = GenerousPermitLimit,
            ["BoxOffice:RateLimits:SignIn:PermitLimit"] = GenerousPermitLimit,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string DataPath { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public LogCapture Logs { get; } = new();

    public MetricsCapture Metrics { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILogEventSink>(Logs);
            // JwtBearer checks lifetimes against the system clock; here against the fake one that minted the tokens,
            // since a fake clock only moves forward.
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
                jwt.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
                {
                    var now = Clock.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore <= now + parameters.ClockSkew) && expires > now - parameters.ClockSkew;
                });
            services.AddSingleton<IMetricsOutput>(Metrics);
            _services?.Invoke(services);
        });
    }

    /// <summary>A client signed in as <paramref name="username"/> with a dev token carrying <paramref name="groups"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string username, params string[] groups)
    {
        var client = CreateClient();
        var token = await client.PostAsJsonAsync("/dev/token", new { username, groups, email = $"{username}@example.test" });
        token.EnsureSuccessStatusCode();
        var body = await token.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!.AccessToken);
        return client;
    }

    public Task<HttpClient> AdminAsync() => ClientForAsync("ada-admin", "admin");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder) DeleteFolder();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsFolder) DeleteFolder();
        GC.SuppressFinalize(this);
    }

    private void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // a straggling handle; the temp folder is cleaned by the OS eventually
        }
    }

    private sealed record TokenBody(string AccessToken);
}
