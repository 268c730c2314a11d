using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoxOffice.Api.Tests.Support;

/// <summary>The calls most tests make, returning parsed JSON and failing loudly on an unexpected status.</summary>
public static class ApiCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<JsonElement> CreateShowAsync(this HttpClient admin, int capacity = 100, decimal price = 25m, TimeSpan? startsIn = null, string title = "Hamlet")
    {
        var response = await admin.PostAsJsonAsync("/shows", new
        {
            title,
            venue = "Globe Theatre",
            startsAt = DateTimeOffset.UtcNow + (startsIn ?? TimeSpan.FromDays(30)),
            capacity,
            price,
        });
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> OrderAsync(this HttpClient client, string showId, int quantity, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/shows/{showId}/orders") { Content = JsonContent.Create(new { quantity }) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).ReadAsync(expected);

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 answer with the given status.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.ReadAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body;
    }

    /// <summary>Polls until <paramref name="done"/> holds (jobs run in the background), failing after <paramref name="timeout"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > until) Assert.Fail($"Condition not met in time; last value: {value}");
            await Task.Delay(50);
        }
    }

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
}
