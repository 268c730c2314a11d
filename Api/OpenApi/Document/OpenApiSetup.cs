using Microsoft.OpenApi;

namespace BoxOffice.Api.OpenApi.Document;

public static class OpenApiSetup
{
    private const string Bearer = BearerOnSecuredOperations.Scheme;

    /// <summary>Swagger document with XML summaries, and an Authorize button that takes a bearer access token.</summary>
    public static IServiceCollection AddBoxOfficeOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Box office API",
                Version = "v1",
                Description = "Shows, orders, tickets, posters and sales reports. Errors are RFC 9457 problem details. " +
                              "Locally, get a token from POST /dev/token and paste it into Authorize.",
            });
            o.AddSecurityDefinition(Bearer, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A Cognito access token (locally: the accessToken from POST /dev/token).",
            });
            o.OperationFilter<BearerOnSecuredOperations>();
            o.OperationFilter<HeadersInDocument>();
            o.SchemaFilter<ProblemDetailsSchema>();
            o.SchemaFilter<AllowedValuesInSchema>();
            o.SchemaFilter<PosterSizeInSchema>();
            var xml = Path.Combine(AppContext.BaseDirectory, "BoxOffice.Api.xml");
            if (File.Exists(xml)) o.IncludeXmlComments(xml);
            o.SupportNonNullableReferenceTypes();
        });
        return services;
    }

    public static WebApplication UseBoxOfficeOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "Box office v1");
            o.DocumentTitle = "Box office API";
        });
        return app;
    }
}
