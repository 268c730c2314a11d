using BoxOffice.Api.Logging;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BoxOffice.Api.OpenApi.Document;

/// <summary>
/// Puts the headers of <see cref="RequiredHeader"/> and <see cref="ResponseHeader"/> metadata into the operations, and
/// <c>X-Request-Id</c> on every answer (the request id middleware sends it on each).
/// </summary>
public sealed class HeadersInDocument : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        foreach (var required in metadata.OfType<RequiredHeader>()) Require(operation, required);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete) continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
            concrete.Headers[RequestIdMiddleware.Header] = Header("The request id: the one sent in X-Request-Id, or a new one. Quote it when reporting a problem.");
            foreach (var header in metadata.OfType<ResponseHeader>().Where(h => h.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) == status))
                concrete.Headers[header.Name] = Header(header.Description);
        }
    }

    private static void Require(OpenApiOperation operation, RequiredHeader required)
    {
        operation.Parameters ??= [];
        var existing = operation.Parameters.OfType<OpenApiParameter>()
            .FirstOrDefault(p => p.In == ParameterLocation.Header && string.Equals(p.Name, required.Name, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            existing = new OpenApiParameter { Name = required.Name, In = ParameterLocation.Header, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            operation.Parameters.Add(existing);
        }
        existing.Required = true;
        existing.Description = required.Description;
    }

    private static OpenApiHeader Header(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
