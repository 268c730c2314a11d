namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>How the Api is bridged to API Gateway in Lambda.</summary>
public sealed class LambdaHostingOptions
{
    public LambdaEventSource EventSource { get; set; } = LambdaEventSource.HttpApi;

    /// <summary>
    /// The request body size limit each request starts with, as Kestrel's <c>Limits.MaxRequestBodySize</c> (and its
    /// default, 30,000,000 bytes); null for none. The app may change it per request through
    /// <c>IHttpMaxRequestBodySizeFeature</c> until it starts reading the body.
    /// </summary>
    public long? MaxRequestBodySize { get; set; } = 30_000_000;

    /// <summary>
    /// When API Gateway has already validated the caller's token (an HTTP API JWT authorizer; a REST API Cognito user
    /// pool authorizer), make its claims <c>HttpContext.User</c>, authenticated as <c>ApiGateway.JwtAuthorizer</c>
    /// (resp. <c>ApiGateway.CognitoAuthorizer</c>). Off by default: the user stays anonymous until the app's own
    /// authentication runs. The Box office Api validates tokens itself, so it leaves this off.
    /// </summary>
    public bool MapAuthorizerClaims { get; set; }

    /// <summary>
    /// Response media types sent base64-encoded (<c>type/*</c> matches a whole type). Bodies with a
    /// <c>Content-Encoding</c>, or that are not valid UTF-8, are base64-encoded whatever their type.
    /// </summary>
    public ISet<string> BinaryContentTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "image/*",
        "audio/*",
        "video/*",
        "font/*",
    };
}
