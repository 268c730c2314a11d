using System.IO.Compression;
using BoxOffice.Api.Identity.SignIn;
using BoxOffice.Core.Identity;
using BoxOffice.Core.Web;
using BoxOffice.Hosting.Composition;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using BoxOffice.Api.Json;

namespace BoxOffice.Api.Site;

/// <summary>
/// Serves the web box office (the repository's <c>Web/</c> folder) on the Api's own origin: its pages, its assets
/// (compressed, revalidated on every visit) and <c>config.json</c>. In AWS the same files come from S3 through CloudFront.
/// </summary>
public static class SiteSetup
{
    public static WebApplicationBuilder AddBoxOfficeSite(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.Section));
        builder.Services.AddSingleton<DevSignInGrants>(); // the dev issuer's browser sign-in, used by the site locally
        var root = SiteFiles.FindRoot(builder.Environment.ContentRootPath, builder.Configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.Root)}"]);
        // A Lambda package has no site folder (CloudFront serves it from S3): then nothing of the site is registered,
        // and its assemblies (static files, compression) are never loaded at cold start.
        if (root is not null) AddSiteServing(builder.Services, new SiteFolder(root));
        return builder;
    }

    private static void AddSiteServing(IServiceCollection services, SiteFolder folder)
    {
        services.AddSingleton(folder);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // static, public files only: nothing secret to leak through compression
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = SiteFiles.CompressedTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
    }

    public static WebApplication UseBoxOfficeSite(this WebApplication app)
    {
        if (app.Services.GetService<SiteFolder>() is not { } folder)
        {
            app.Logger.LogInformation("No web site folder found: the Api serves the API only");
            app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
            return app;
        }
        ServeSite(app, folder.Path);
        return app;
    }

    private static void ServeSite(WebApplication app, string root)
    {
        app.UseWhen(SiteFiles.IsSiteRequest, site =>
        {
            site.UseResponseCompression();
            site.Use((http, next) =>
            {
                SiteSecurityHeaders.Apply(http.Response.Headers);
                http.Response.Headers.CacheControl = "no-cache"; // revalidate: the local site changes as you edit it
                return next(http);
            });
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(root, "assets")), RequestPath = "/assets" });

        var index = Path.Combine(root, "index.html");
        foreach (var route in SiteFiles.PageRoutes)
        {
            app.MapGet(route, () => TypedResults.PhysicalFile(index, "text/html; charset=utf-8", lastModified: File.GetLastWriteTimeUtc(index)))
                .ExcludeFromDescription();
        }
        app.MapGet("/config.json", (HttpContext http, IPublicBaseUrl baseUrl, IOptions<SiteOptions> site, IOptions<IdentityOptions> identity, IOptions<BoxOfficeOptions> shape) =>
            ApiJsonResults.Json(http, SiteConfig.For(baseUrl, site.Value, identity.Value, shape.Value.Shape))).ExcludeFromDescription();
    }
}
