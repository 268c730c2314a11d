using System.Text.Json.Nodes;
using BoxOffice.Api.Site;

namespace BoxOffice.Api.Tests.Template;

/// <summary>The web box office in the template: a private bucket behind CloudFront with origin access control, HTTPS
/// only, strict security headers, the SPA fallback, the API under /api, caching by kind of file, Cognito sign-in.</summary>
public class SiteResourcesTests
{
    private readonly ServerlessTemplate _template = ServerlessTemplate.Load();

    private JsonObject Distribution => _template.Properties("SiteDistribution")["DistributionConfig"]!.AsObject();

    [Fact]
    public void The_site_bucket_is_private_and_read_only_by_this_distribution()
    {
        var block = _template.Properties("SiteBucket")["PublicAccessBlockConfiguration"]!.AsObject();
        Assert.All(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], flag => Assert.True(block[flag]!.GetValue<bool>(), flag));
        Assert.Null(_template.Properties("SiteBucket")["WebsiteConfiguration"]); // no public website endpoint

        var statements = _template.Properties("SiteBucketPolicy")["PolicyDocument"]!["Statement"]!.AsArray();
        foreach (var allow in statements.Where(s => s!["Effect"]!.GetValue<string>() == "Allow"))
        {
            Assert.Equal("cloudfront.amazonaws.com", allow!["Principal"]!["Service"]!.GetValue<string>());
            Assert.Contains("SiteDistribution", _template.ResourcesReferencedBy(allow["Condition"]));
        }
        Assert.Contains(statements, s => s!["Effect"]!.GetValue<string>() == "Deny" && s["Condition"]!["Bool"]!["aws:SecureTransport"]!.GetValue<string>() == "false");
    }

    [Fact]
    public void CloudFront_reaches_the_bucket_through_origin_access_control()
    {
        var site = Distribution["Origins"]!.AsArray().Single(o => o!["Id"]!.GetValue<string>() == "site")!;
        Assert.Equal("SiteOriginAccessControl", ServerlessTemplate.Target(site["OriginAccessControlId"]));
        Assert.Equal("", site["S3OriginConfig"]!["OriginAccessIdentity"]!.GetValue<string>()); // no legacy identity
        var oac = _template.Properties("SiteOriginAccessControl")["OriginAccessControlConfig"]!;
        Assert.Equal(("s3", "always", "sigv4"), (oac["OriginAccessControlOriginType"]!.GetValue<string>(), oac["SigningBehavior"]!.GetValue<string>(), oac["SigningProtocol"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_behaviour_is_https_only_compressed_and_carries_the_security_headers()
    {
        var behaviours = Distribution["CacheBehaviors"]!.AsArray().Append(Distribution["DefaultCacheBehavior"]).ToList();
        Assert.Equal(3, behaviours.Count);
        Assert.All(behaviours, b =>
        {
            Assert.Contains(b!["ViewerProtocolPolicy"]!.GetValue<string>(), new[] { "redirect-to-https", "https-only" });
            Assert.True(b["Compress"]!.GetValue<bool>());
            Assert.Equal("SiteHeadersPolicy", ServerlessTemplate.Target(b["ResponseHeadersPolicyId"]));
        });
        Assert.Equal("redirect-to-https", Distribution["DefaultCacheBehavior"]!["ViewerProtocolPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void The_headers_policy_allows_no_inline_script_and_no_framing()
    {
        var security = _template.Properties("SiteHeadersPolicy")["ResponseHeadersPolicyConfig"]!["SecurityHeadersConfig"]!;
        var csp = security["ContentSecurityPolicy"]!["ContentSecurityPolicy"]!["Fn::Sub"]![0]!.GetValue<string>();
        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.True(security["ContentSecurityPolicy"]!["Override"]!.GetValue<bool>());
        Assert.True(security["StrictTransportSecurity"]!["AccessControlMaxAgeSec"]!.GetValue<int>() >= 31536000);
        Assert.NotNull(security["ContentTypeOptions"]);
        Assert.Equal("DENY", security["FrameOptions"]!["FrameOption"]!.GetValue<string>());
        Assert.Equal("strict-origin-when-cross-origin", security["ReferrerPolicy"]!["ReferrerPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void The_local_site_is_served_with_the_same_script_and_frame_rules()
    {
        var local = SiteSecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries);
        var aws = _template.Properties("SiteHeadersPolicy")["ResponseHeadersPolicyConfig"]!["SecurityHeadersConfig"]!["ContentSecurityPolicy"]!["ContentSecurityPolicy"]!["Fn::Sub"]![0]!
            .GetValue<string>().Split(';', StringSplitOptions.TrimEntries);
        foreach (var directive in new[] { "default-src", "script-src", "style-src", "object-src", "base-uri", "form-action", "frame-ancestors" })
            Assert.Equal(aws.Single(d => d.StartsWith(directive + " ", StringComparison.Ordinal)), local.Single(d => d.StartsWith(directive + " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Pages_fall_back_to_index_html_in_a_function_so_api_errors_pass_through()
    {
        Assert.Null(Distribution["CustomErrorResponses"]); // would turn the API's own 403 and 404 into the page
        var association = Assert.Single(Distribution["DefaultCacheBehavior"]!["FunctionAssociations"]!.AsArray())!;
        Assert.Equal("viewer-request", association["EventType"]!.GetValue<string>());
        Assert.Equal("SitePageFunction", ServerlessTemplate.Target(association["FunctionARN"]));
        Assert.Contains("'/index.html'", _template.Properties("SitePageFunction")["FunctionCode"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_is_a_second_origin_under_api_never_cached()
    {
        var api = Distribution["CacheBehaviors"]!.AsArray().Single(b => b!["PathPattern"]!.GetValue<string>() == "api/*")!;
        Assert.Equal("api", api["TargetOriginId"]!.GetValue<string>());
        Assert.Equal("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", api["CachePolicyId"]!.GetValue<string>()); // managed CachingDisabled
        Assert.Equal("b689b0a8-53d0-40ab-baf2-68738e2966ac", api["OriginRequestPolicyId"]!.GetValue<string>()); // AllViewerExceptHostHeader
        Assert.Contains("PATCH", api["AllowedMethods"]!.AsArray().Select(m => m!.GetValue<string>()));
        var origin = Distribution["Origins"]!.AsArray().Single(o => o!["Id"]!.GetValue<string>() == "api")!;
        Assert.Contains("HttpApi", _template.ResourcesReferencedBy(origin["DomainName"]));
        Assert.Equal("https-only", origin["CustomOriginConfig"]!["OriginProtocolPolicy"]!.GetValue<string>());
        Assert.Contains("substring(4)", _template.Properties("SiteApiPathFunction")["FunctionCode"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprinted_assets_are_cached_long_and_documents_are_revalidated()
    {
        var assets = Distribution["CacheBehaviors"]!.AsArray().Single(b => b!["PathPattern"]!.GetValue<string>() == "assets/*")!;
        Assert.Equal("SiteAssetsCachePolicy", ServerlessTemplate.Target(assets["CachePolicyId"]));
        Assert.True(_template.Properties("SiteAssetsCachePolicy")["CachePolicyConfig"]!["DefaultTTL"]!.GetValue<int>() >= 31536000);
        Assert.Equal("SiteDocumentCachePolicy", ServerlessTemplate.Target(Distribution["DefaultCacheBehavior"]!["CachePolicyId"]));
        Assert.Equal(0, _template.Properties("SiteDocumentCachePolicy")["CachePolicyConfig"]!["DefaultTTL"]!.GetValue<int>());
        foreach (var policy in new[] { "SiteAssetsCachePolicy", "SiteDocumentCachePolicy" })
        {
            var key = _template.Properties(policy)["CachePolicyConfig"]!["ParametersInCacheKeyAndForwardedToOrigin"]!;
            Assert.True(key["EnableAcceptEncodingBrotli"]!.GetValue<bool>() && key["EnableAcceptEncodingGzip"]!.GetValue<bool>());
        }
    }

    [Fact]
    public void Cognito_managed_login_returns_to_the_site_with_the_code_flow()
    {
        Assert.Equal("UserPool", ServerlessTemplate.Target(_template.Properties("UserPoolDomain")["UserPoolId"]));
        var client = _template.Properties("UserPoolClient");
        Assert.True(client["AllowedOAuthFlowsUserPoolClient"]!.GetValue<bool>());
        Assert.Equal(["code"], client["AllowedOAuthFlows"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.False(client["GenerateSecret"]!.GetValue<bool>()); // a public client: PKCE, no secret in the browser
        var callback = client["CallbackURLs"]!.AsArray().Single()!["Fn::Sub"]!.GetValue<string>();
        Assert.Equal("https://${SiteDistribution.DomainName}" + SiteOptions.CallbackPath, callback);
        Assert.Equal("https://${SiteDistribution.DomainName}" + SiteOptions.SignedOutPath, client["LogoutURLs"]!.AsArray().Single()!["Fn::Sub"]!.GetValue<string>());
    }

    [Fact]
    public void The_site_url_and_what_deploy_needs_are_outputs()
    {
        var outputs = _template.Root["Outputs"]!.AsObject();
        Assert.Contains("SiteDistribution", _template.ResourcesReferencedBy(outputs["SiteUrl"]!["Value"]));
        Assert.Equal("SiteBucket", ServerlessTemplate.Target(outputs["SiteBucketName"]!["Value"]));
        Assert.Equal("SiteDistribution", ServerlessTemplate.Target(outputs["SiteDistributionId"]!["Value"]));
        Assert.Contains("UserPoolDomain", _template.ResourcesReferencedBy(outputs["SignInUrl"]!["Value"]));
    }
}
