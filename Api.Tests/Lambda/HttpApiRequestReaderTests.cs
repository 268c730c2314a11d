using System.Text;
using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;
using BoxOffice.Hosting.Lambda.AspNetCore;
using BoxOffice.Hosting.Lambda.Events;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.AspNetCore.Http;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>The hand-written HTTP API event reader against recorded events and the edges of the format.</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class HttpApiRequestReaderTests
{
    [Theory]
    [InlineData("http-get-repeated-query.json")]
    [InlineData("http-post-json.json")]
    [InlineData("http-post-binary.json")]
    [InlineData("http-custom-domain.json")]
    [InlineData("http-jwt-authorizer.json")]
    [InlineData("http-stage.json")]
    [InlineData("http-get-cookies.json")]
    public void Reads_what_the_event_model_reads(string payload)
    {
        var json = Encoding.UTF8.GetBytes(Payloads.Read(payload));
        var model = JsonSerializer.Deserialize(json, LambdaEventJsonContext.Default.ApiGatewayHttpApiRequest)!;
        var headers = new HeaderDictionary();

        var fields = HttpApiRequestReader.Read(json, headers, readAuthorizer: true);

        Assert.Equal(model.RouteKey, fields.RouteKey);
        Assert.Equal(model.RawPath, fields.RawPath);
        Assert.Equal(model.RawQueryString, fields.RawQueryString);
        Assert.Equal(model.Cookies, fields.Cookies);
        Assert.Equal(model.PathParameters, fields.PathParameters);
        Assert.Equal(model.Body, fields.Body);
        Assert.Equal(model.IsBase64Encoded, fields.IsBase64Encoded);
        var context = model.RequestContext!;
        Assert.Equal(context.Http!.Method, fields.Method);
        Assert.Equal(context.Http.Path, fields.Path);
        Assert.Equal(context.Http.Protocol, fields.Protocol);
        Assert.Equal(context.Http.SourceIp, fields.SourceIp);
        Assert.Equal(context.DomainName, fields.DomainName);
        Assert.Equal(context.RequestId, fields.RequestId);
        Assert.Equal(context.Stage, fields.Stage);
        Assert.Equal(context.Authorizer?.GetRawText(), fields.Authorizer?.GetRawText());
        Assert.Equal(model.Headers!.Count, headers.Count);
        foreach (var (name, value) in model.Headers) Assert.Equal(value, headers[name].ToString());
    }

    [Fact]
    public void Skips_unknown_members_of_every_kind_and_takes_nulls_as_absent()
    {
        var fields = Read("""
            {"version":"2.0","extra":{"a":[1,{"b":null}],"c":"}"},"routeKey":null,"rawPath":"/x","cookies":null,
             "headers":{"accept":"text/plain","x-null":null},"pathParameters":null,"isBase64Encoded":null,
             "requestContext":{"timeEpoch":1700000000000,"authorizer":{"jwt":{}},"http":{"method":"GET","userAgent":"t"}},
             "body":null,"stageVariables":{"k":"v"}}
            """, out var headers, readAuthorizer: false);

        Assert.Null(fields.RouteKey);
        Assert.Equal("/x", fields.RawPath);
        Assert.Null(fields.Cookies);
        Assert.Null(fields.PathParameters);
        Assert.False(fields.IsBase64Encoded);
        Assert.Equal("GET", fields.Method);
        Assert.Null(fields.Body);
        Assert.Null(fields.Authorizer); // not asked for
        Assert.Equal("text/plain", headers["accept"].ToString());
        Assert.False(headers.ContainsKey("x-null"));
    }

    [Fact]
    public void A_header_given_twice_keeps_the_last_value()
    {
        Read("""{"headers":{"x-a":"one","X-A":"two"}}""", out var headers, readAuthorizer: false);

        Assert.Equal("two", headers["x-a"].ToString());
    }

    [Theory]
    [InlineData("""{"rawPath":7}""", "rawPath is not a string")]
    [InlineData("""{"headers":["a"]}""", "headers is not an object")]
    [InlineData("""{"headers":{"accept":1}}""", "headers is not a string")]
    [InlineData("""{"cookies":"a=b"}""", "cookies is not an array")]
    [InlineData("""{"cookies":[1]}""", "cookies is not an array of strings")]
    [InlineData("""{"requestContext":{"http":{"method":true}}}""", "requestContext.http.method is not a string")]
    [InlineData("""{"isBase64Encoded":"true"}""", "isBase64Encoded is not a boolean")]
    [InlineData("""[]""", "the event is not an object")]
    public void A_member_of_the_wrong_kind_is_named(string json, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(json, out _, readAuthorizer: false));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_json_error()
    {
        Assert.ThrowsAny<JsonException>(() => Read("""{"rawPath":"/x",""", out _, readAuthorizer: false));
    }

    [Fact]
    public void The_event_model_is_read_only_when_asked_for()
    {
        var json = Encoding.UTF8.GetBytes(Payloads.Read("http-post-json.json"));
        var context = new LambdaContext("req-1", DateTimeOffset.UtcNow.AddMinutes(1), "arn", null, null, null);
        using var features = new LambdaHttpFeatures(context, new System.Buffers.ArrayBufferWriter<byte>(), null);
        Assert.Null(features.LambdaRequest);

        features.DeferLambdaRequest(json, LambdaEventJsonContext.Default.ApiGatewayHttpApiRequest);

        var request = Assert.IsType<ApiGatewayHttpApiRequest>(features.LambdaRequest);
        Assert.Equal("POST", request.RequestContext!.Http!.Method);
        Assert.Same(request, features.LambdaRequest);
    }

    private static HttpApiRequestFields Read(string json, out HeaderDictionary headers, bool readAuthorizer)
    {
        headers = new HeaderDictionary();
        return HttpApiRequestReader.Read(Encoding.UTF8.GetBytes(json), headers, readAuthorizer);
    }
}
