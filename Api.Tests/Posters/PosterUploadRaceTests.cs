using System.Net;
using System.Net.Http.Json;
using BoxOffice.Api.Tests.Support;
using BoxOffice.Api.Tests.Support.Decorators;
using BoxOffice.Core.Posters;
using BoxOffice.Core.Shows;
using Microsoft.AspNetCore.TestHost;

namespace BoxOffice.Api.Tests.Posters;

/// <summary>
/// An upload URL is handed out only once the show's poster state moved to it from the state read: a state that moved
/// meanwhile (the Worker's verdict, another admin's upload) is read again, a few times, then answered 409.
/// </summary>
public sealed class PosterUploadRaceTests
{
    [Theory]
    [InlineData(2, HttpStatusCode.OK)]
    [InlineData(3, HttpStatusCode.Conflict)]
    public async Task A_poster_state_that_moves_between_read_and_write_is_read_again(int moves, HttpStatusCode expected)
    {
        await using var app = new BoxOfficeApp();
        var admin = await app.AdminAsync();
        var showId = (await admin.CreateShowAsync()).Str("showId");
        var moving = new MovingPoster(moves);
        using var racing = app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.Decorate<IShowStore>((inner, _) => moving.Around(inner))));
        var client = racing.CreateClient();
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        using var response = await client.PostAsJsonAsync($"/shows/{showId}/poster", new { contentType = "image/png", contentLength = 10 });

        var show = await app.CreateClient().GetJsonAsync($"/shows/{showId}");
        if (expected == HttpStatusCode.OK)
        {
            var key = (await response.ReadAsync(expected)).Str("key");
            Assert.Equal(("Pending", key), (show.Str("posterStatus"), moving.LastWritten));
        }
        else
        {
            await response.ProblemAsync(expected);
            Assert.Equal(("None", null), (show.Str("posterStatus"), moving.LastWritten)); // no URL, and nothing recorded
        }
    }

    /// <summary>Refuses the first <paramref name="moves"/> poster writes, as if someone else had written just before.</summary>
    private sealed class MovingPoster(int moves)
    {
        private int _refused;

        public int Moves => moves;

        public string? LastWritten { get; private set; }

        public IShowStore Around(IShowStore inner) => new Store(inner, this);

        private sealed class Store(IShowStore inner, MovingPoster race) : ShowStoreDecorator(inner)
        {
            public override Task<bool> SetPosterAsync(string showId, Poster expected, Poster next, CancellationToken ct)
            {
                if (Interlocked.Increment(ref race._refused) <= race.Moves) return Task.FromResult(false);
                race.LastWritten = next.UploadKey;
                return base.SetPosterAsync(showId, expected, next, ct);
            }
        }
    }
}
