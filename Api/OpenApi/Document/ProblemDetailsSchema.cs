using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BoxOffice.Api.OpenApi.Document;

/// <summary>Documents what our problem details add to RFC 9457: the <c>requestId</c>, and the field errors of a 400.</summary>
public sealed class ProblemDetailsSchema : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.Type) || schema is not OpenApiSchema concrete) return;
        concrete.Description = "An RFC 9457 problem.";
        concrete.Properties ??= new Dictionary<string, IOpenApiSchema>();
        concrete.Properties["requestId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request id, as in the X-Request-Id header; quote it when reporting a problem.",
        };
        if (concrete.Properties.TryGetValue("errors", out var errors) && errors is OpenApiSchema errorsSchema)
            errorsSchema.Description = "Messages per field, keyed by the field's JSON name (a query parameter's or header's name).";
        concrete.Required ??= new HashSet<string>();
        concrete.Required.Add("requestId");
    }
}
