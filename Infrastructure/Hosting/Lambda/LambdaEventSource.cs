namespace BoxOffice.Hosting.Lambda;

/// <summary>Which API Gateway payload the Api receives in Lambda.</summary>
public enum LambdaEventSource
{
    /// <summary>HTTP API, payload format 2.0 (the default).</summary>
    HttpApi,
    /// <summary>REST API proxy integration, payload format 1.0.</summary>
    RestApi,
}
