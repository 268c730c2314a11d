using BoxOffice.Hosting.Lambda.Runtime;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>On every request bridged from Lambda: the invocation and the API Gateway event it came in.</summary>
internal interface ILambdaContextFeature
{
    LambdaContext LambdaContext { get; }

    /// <summary>The deserialized event: an <c>ApiGatewayHttpApiRequest</c> or an <c>ApiGatewayRestApiRequest</c>.</summary>
    object? LambdaRequest { get; }
}
