using System.Text.Json.Nodes;
using BoxOffice.Hosting.Composition;

namespace BoxOffice.Api.Tests.Template;

/// <summary>
/// One CORS definition: the Api's (Api/CrossOrigin). API Gateway gets none, since an HTTP API with a CORS
/// configuration answers preflights itself and replaces the integration's CORS headers; the Api function is told the
/// same origins the uploads bucket allows.
/// </summary>
[Trait("Category", TestCategory.Template)]
public class CrossOriginTemplateTests
{
    private readonly ServerlessTemplate _template = ServerlessTemplate.Load();

    [Fact]
    public void The_http_api_has_no_cors_of_its_own() =>
        Assert.Null(_template.Properties("HttpApi")["CorsConfiguration"]);

    [Fact]
    public void The_api_allows_the_origins_the_uploads_bucket_allows()
    {
        var api = Variables()[AwsSettings.CorsAllowedOrigins]!;
        var bucket = Assert.Single(_template.Properties("UploadsBucket")["CorsConfiguration"]!["CorsRules"]!.AsArray())!["AllowedOrigins"]!;

        // The bucket wants a list: the same joined text, split again.
        Assert.Equal(",", bucket["Fn::Split"]![0]!.GetValue<string>());
        Assert.Equal(bucket["Fn::Split"]![1]!.ToJsonString(), api.ToJsonString());
        Assert.Contains("SiteDistribution", _template.ResourcesReferencedBy(api));
    }

    [Fact]
    public void An_api_cors_setting_without_the_site_origin_is_reported()
    {
        var template = ServerlessTemplate.Load();
        template.Properties("ApiFunction")["Environment"]!["Variables"]![AwsSettings.CorsAllowedOrigins] =
            new JsonObject { ["Fn::Join"] = new JsonArray(",", new JsonObject { ["Ref"] = "AllowedOrigins" }) };

        var problem = Assert.Single(FunctionSettingsRule.Check(template, "ApiFunction", AwsSettings.Api, AwsSettings.ApiOptional));

        Assert.Contains("site distribution's origin", problem, StringComparison.Ordinal);
    }

    private JsonObject Variables() => _template.Properties("ApiFunction")["Environment"]!["Variables"]!.AsObject();
}
