using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// Reads an API Gateway HTTP API event (payload 2.0) in one forward pass, the headers straight into the request's
/// dictionary: every invocation of the Api starts here, so there is no object model in between. Members the bridge
/// does not use are skipped; names match exactly, camelCase, as API Gateway writes them. Malformed JSON throws a
/// <see cref="JsonException"/>, a member of the wrong kind an <see cref="InvalidDataException"/>.
/// </summary>
internal static class HttpApiRequestReader
{
    public static HttpApiRequestFields Read(ReadOnlySpan<byte> json, IHeaderDictionary headers, bool readAuthorizer)
    {
        var reader = new Utf8JsonReader(json);
        var fields = new HttpApiRequestFields();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw WrongKind("the event", "an object");
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("routeKey"u8)) fields.RouteKey = String(ref reader, "routeKey");
            else if (reader.ValueTextEquals("rawPath"u8)) fields.RawPath = String(ref reader, "rawPath");
            else if (reader.ValueTextEquals("rawQueryString"u8)) fields.RawQueryString = String(ref reader, "rawQueryString");
            else if (reader.ValueTextEquals("headers"u8)) Headers(ref reader, headers);
            else if (reader.ValueTextEquals("cookies"u8)) fields.Cookies = Strings(ref reader, "cookies");
            else if (reader.ValueTextEquals("pathParameters"u8)) fields.PathParameters = Map(ref reader, "pathParameters");
            else if (reader.ValueTextEquals("requestContext"u8)) RequestContext(ref reader, ref fields, readAuthorizer);
            else if (reader.ValueTextEquals("body"u8)) fields.Body = String(ref reader, "body");
            else if (reader.ValueTextEquals("isBase64Encoded"u8)) fields.IsBase64Encoded = Boolean(ref reader, "isBase64Encoded");
            else Skip(ref reader);
        }
        return fields;
    }

    private static void RequestContext(ref Utf8JsonReader reader, ref HttpApiRequestFields fields, bool readAuthorizer)
    {
        if (!StartObject(ref reader, "requestContext")) return;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("http"u8)) Http(ref reader, ref fields);
            else if (reader.ValueTextEquals("domainName"u8)) fields.DomainName = String(ref reader, "requestContext.domainName");
            else if (reader.ValueTextEquals("requestId"u8)) fields.RequestId = String(ref reader, "requestContext.requestId");
            else if (reader.ValueTextEquals("stage"u8)) fields.Stage = String(ref reader, "requestContext.stage");
            else if (readAuthorizer && reader.ValueTextEquals("authorizer"u8))
            {
                reader.Read();
                fields.Authorizer = JsonElement.ParseValue(ref reader);
            }
            else Skip(ref reader);
        }
    }

    private static void Http(ref Utf8JsonReader reader, ref HttpApiRequestFields fields)
    {
        if (!StartObject(ref reader, "requestContext.http")) return;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("method"u8)) fields.Method = String(ref reader, "requestContext.http.method");
            else if (reader.ValueTextEquals("path"u8)) fields.Path = String(ref reader, "requestContext.http.path");
            else if (reader.ValueTextEquals("protocol"u8)) fields.Protocol = String(ref reader, "requestContext.http.protocol");
            else if (reader.ValueTextEquals("sourceIp"u8)) fields.SourceIp = String(ref reader, "requestContext.http.sourceIp");
            else Skip(ref reader);
        }
    }

    /// <summary>Repeated headers arrive comma-joined in one value; a name given twice keeps the last.</summary>
    private static void Headers(ref Utf8JsonReader reader, IHeaderDictionary headers)
    {
        if (!StartObject(ref reader, "headers")) return;
        while (NextMember(ref reader))
        {
            var name = reader.GetString()!;
            if (String(ref reader, "headers") is { } value) headers[name] = value;
        }
    }

    private static Dictionary<string, string>? Map(ref Utf8JsonReader reader, string member)
    {
        if (!StartObject(ref reader, member)) return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextMember(ref reader))
        {
            var name = reader.GetString()!;
            if (String(ref reader, member) is { } value) map[name] = value;
        }
        return map;
    }

    private static List<string>? Strings(ref Utf8JsonReader reader, string member)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw WrongKind(member, "an array");
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String) throw WrongKind(member, "an array of strings");
            list.Add(reader.GetString()!);
        }
        return list;
    }

    /// <summary>Moves to the next member's name; false at the end of the object.</summary>
    private static bool NextMember(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Reads the value's first token: true on an object's start, false on null.</summary>
    private static bool StartObject(ref Utf8JsonReader reader, string member)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw WrongKind(member, "an object"),
        };
    }

    private static string? String(ref Utf8JsonReader reader, string member)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw WrongKind(member, "a string"),
        };
    }

    private static bool Boolean(ref Utf8JsonReader reader, string member)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            _ => throw WrongKind(member, "a boolean"),
        };
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static InvalidDataException WrongKind(string member, string kind) =>
        new($"The event is not an API Gateway HTTP API (payload 2.0) request: {member} is not {kind}.");
}
