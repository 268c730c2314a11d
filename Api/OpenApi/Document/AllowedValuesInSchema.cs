using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BoxOffice.Api.OpenApi.Document;

/// <summary>Lists the values an <see cref="AllowedValuesAttribute"/> lets through as the property's enum.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "OpenApi/Document is left out of the only trimmed build, the Lambda package (Api.csproj).")]
public sealed class AllowedValuesInSchema : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties }) return;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<AllowedValuesAttribute>() is not { } allowed) continue;
            var key = properties.Keys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            if (key is null) continue;
            var values = allowed.Values.Where(v => v is not null).Select(v => (JsonNode)JsonValue.Create(v!.ToString()!)).ToList();
            var nullable = allowed.Values.Contains(null);
            // Replaces a reference to the whole enum (ShowStatus) with the values this property takes.
            properties[key] = new OpenApiSchema
            {
                Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
                Enum = values,
                Description = (properties[key] as OpenApiSchema)?.Description ?? $"One of: {string.Join(", ", values)}.",
            };
        }
    }
}
