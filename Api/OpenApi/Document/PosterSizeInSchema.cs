using System.Globalization;
using BoxOffice.Api.Posters;
using BoxOffice.Core.Files;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BoxOffice.Api.OpenApi.Document;

/// <summary>States the configured poster size limit (<c>BoxOffice:Files:MaxPosterBytes</c>) as contentLength's maximum.</summary>
public sealed class PosterSizeInSchema(IOptions<FilesOptions> files) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(PosterUploadRequest) || schema is not OpenApiSchema { Properties: { } properties }) return;
        if (properties.TryGetValue("contentLength", out var length) && length is OpenApiSchema concrete)
            concrete.Maximum = files.Value.MaxPosterBytes.ToString(CultureInfo.InvariantCulture);
    }
}
