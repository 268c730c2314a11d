using BoxOffice.Adapters.Aws;
using BoxOffice.Adapters.Local;
using BoxOffice.Core.Files;
using BoxOffice.Core.Identity;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Queue;
using BoxOffice.Core.Web;
using BoxOffice.Hosting.Health;
using BoxOffice.Hosting.Metrics;
using BoxOffice.Hosting.Tracing;
using BoxOffice.Hosting.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BoxOffice.Hosting.Composition;

public static class CoreHostingExtensions
{
    /// <summary>
    /// Binds the options and wires the ports to the adapters of the configured shape (Local or Aws).
    /// <paramref name="awsSettings"/> are the settings this function needs in the AWS shape
    /// (<see cref="AwsSettings.Api"/> or <see cref="AwsSettings.Worker"/>); the AWS shape refuses to start without them.
    /// </summary>
    public static IHostApplicationBuilder AddBoxOfficeCore(this IHostApplicationBuilder builder, IReadOnlyList<string> awsSettings)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.Configure<BoxOfficeOptions>(config.GetSection(BoxOfficeOptions.Section));
        services.Configure<LocalOptions>(config.GetSection(LocalOptions.Section));
        services.Configure<QueueOptions>(config.GetSection(QueueOptions.Section));
        services.Configure<IdentityOptions>(config.GetSection(IdentityOptions.Section));
        services.Configure<FilesOptions>(config.GetSection(FilesOptions.Section));
        services.Configure<PagingOptions>(config.GetSection(PagingOptions.Section));
        services.Configure<AwsOptions>(config.GetSection(AwsOptions.Section));
        services.Configure<BoxOffice.Core.Orders.OrderOptions>(config.GetSection(BoxOffice.Core.Orders.OrderOptions.Section));
        services.AddOptions<PublicUrlOptions>().Bind(config.GetSection(PublicUrlOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicUrlOptions>, PublicUrlValidation>();
        services.AddSingleton<IPublicBaseUrl, ServerPublicBaseUrl>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IJobPublisher, JobPublisher>();
        builder.AddBoxOfficeMetrics();
        builder.AddBoxOfficeTracing();
        services.AddPortHealthChecks();
        services.AddSingleton<BoxOffice.Core.Shows.ShowPrices>();
        services.AddSingleton<BoxOffice.Core.Orders.OrderPlacement>();
        services.AddSingleton<BoxOffice.Core.Orders.OrderCancellation>();
        services.AddSingleton<BoxOffice.Core.Orders.OrderSweep>();

        var shape = BoxOfficeOptions.ShapeOf(config);
        if (shape == RuntimeShape.Aws) builder.AddAwsShape(awsSettings);
        else builder.AddLocalShape();
        return builder;
    }
}
