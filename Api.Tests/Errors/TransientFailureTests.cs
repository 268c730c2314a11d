using System.Net;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Api.Tests.Support.Decorators;
using BoxOffice.Core.Shows;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;

namespace BoxOffice.Api.Tests.Errors;

/// <summary>
/// The local shape's classifier: SQLite busy or locked (another writer held the file past the busy timeout) is a 503
/// with Retry-After; any other database error stays a 500.
/// </summary>
public sealed class TransientFailureTests
{
    private const int Busy = 5;
    private const int BusySnapshot = 517;
    private const int Locked = 6;
    private const int Corrupt = 11;

    [Theory]
    [InlineData(Busy, HttpStatusCode.ServiceUnavailable)]
    [InlineData(BusySnapshot, HttpStatusCode.ServiceUnavailable)]
    [InlineData(Locked, HttpStatusCode.ServiceUnavailable)]
    [InlineData(Corrupt, HttpStatusCode.InternalServerError)]
    public async Task A_busy_or_locked_database_is_a_503_with_Retry_After_and_other_errors_stay_500(int sqliteCode, HttpStatusCode expected)
    {
        await using var app = new BoxOfficeApp();
        var showId = (await (await app.AdminAsync()).CreateShowAsync()).Str("showId");
        using var failing = app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.Decorate<IShowStore>((inner, _) => new FailingReads(inner, new SqliteException("database is locked", sqliteCode)))));

        using var response = await failing.CreateClient().GetAsync($"/shows/{showId}");

        var problem = await response.ProblemAsync(expected);
        Assert.Equal(expected == HttpStatusCode.ServiceUnavailable ? TimeSpan.FromSeconds(2) : null, response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("Sqlite", problem.GetRawText(), StringComparison.Ordinal);
    }

    private sealed class FailingReads(IShowStore inner, Exception failure) : ShowStoreDecorator(inner)
    {
        public override Task<Show?> GetAsync(string showId, CancellationToken ct) => Task.FromException<Show?>(failure);
    }
}
