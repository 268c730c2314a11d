#if OPENAPI_DOCUMENT
using BoxOffice.Api.OpenApi.Document;
#endif

namespace BoxOffice.Api.OpenApi;

/// <summary>
/// <c>BoxOffice:OpenApi:Enabled</c> (default true) serves <c>/swagger</c>. The Lambda build (<c>LambdaPackage</c>)
/// carries no document, because Swashbuckle cannot be compiled ahead of time: there the setting defaults to false,
/// and true stops the start with a clear error instead of a function that silently serves nothing.
/// </summary>
public static class OpenApiDocumentSwitch
{
    public const string Setting = "BoxOffice:OpenApi:Enabled";

    public static void AddBoxOfficeOpenApiDocument(this WebApplicationBuilder builder)
    {
#if OPENAPI_DOCUMENT
        if (IsEnabled(builder.Configuration)) builder.Services.AddBoxOfficeOpenApi();
#else
        if (builder.Configuration.GetValue(Setting, false))
            throw new InvalidOperationException($"{Setting} is true, but the Lambda build of the Api carries no OpenAPI document; serve it from a local or container build.");
#endif
    }

    public static void UseBoxOfficeOpenApiDocument(this WebApplication app)
    {
#if OPENAPI_DOCUMENT
        if (IsEnabled(app.Configuration)) app.UseBoxOfficeOpenApi();
#endif
    }

#if OPENAPI_DOCUMENT
    private static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(Setting, true);
#endif
}
