using System.Net;
using System.Text;
using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Errors;

/// <summary>
/// Ids no store can hold (past DynamoDB's key limits, counted in UTF-8 bytes) or that Box office never issues, sent
/// to every route that takes one. Each must be a 404 problem without reaching a store, in both shapes.
/// </summary>
public static class ImpossibleIds
{
    public static readonly string[] Ids =
    [
        new('é', 1_100),          // 1,100 characters but 2,200 UTF-8 bytes: over the 2,048-byte partition key limit
        new('a', 2_049),
        "has space",
        "dot.dot",
    ];

    /// <summary>method, path with <c>{id}</c>, JSON body (null: none).</summary>
    public static readonly (string Method, string Path, string? Body)[] Routes =
    [
        ("GET", "/shows/{id}", null),
        ("PATCH", "/shows/{id}", "{\"title\":\"x\"}"),
        ("DELETE", "/shows/{id}", null),
        ("POST", "/shows/{id}/orders", "{\"quantity\":1}"),
        ("POST", "/shows/{id}/poster", "{\"contentType\":\"image/png\",\"contentLength\":10}"),
        ("GET", "/orders/{id}", null),
        ("DELETE", "/orders/{id}", null),
        ("GET", "/reports/{id}", null),
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var (method, path, _) in Routes)
            for (var i = 0; i < Ids.Length; i++) cases.Add(method, path, i);
        return cases;
    }

    /// <summary>Sends the case as an admin would (with an If-Match for PATCH) and checks the 404 problem.</summary>
    public static async Task SendAndExpectNotFoundAsync(HttpClient admin, string method, string path, int id)
    {
        var body = Routes.Single(r => r.Method == method && r.Path == path).Body;
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", Uri.EscapeDataString(Ids[id]), StringComparison.Ordinal));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (method == "PATCH") request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await admin.SendAsync(request)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
