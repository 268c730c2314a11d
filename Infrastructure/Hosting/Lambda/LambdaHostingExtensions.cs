using System.Diagnostics.CodeAnalysis;
using BoxOffice.Hosting.Lambda.AspNetCore;
using BoxOffice.Hosting.Lambda.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BoxOffice.Hosting.Lambda;

public static class LambdaHostingExtensions
{
    /// <summary>
    /// Inside Lambda (<c>AWS_LAMBDA_RUNTIME_API</c> set): serves the app from API Gateway events of
    /// <paramref name="eventSource"/> instead of Kestrel, with the AWS request id in a logging scope around each
    /// invocation, and reports a failed start to <c>init/error</c>. Anywhere else it does nothing. Named and shaped as
    /// the official <c>Amazon.Lambda.AspNetCoreServer.Hosting</c> method, so swapping the package in changes one using.
    /// </summary>
    public static IServiceCollection AddAWSLambdaHosting(
        this IServiceCollection services, LambdaEventSource eventSource, Action<LambdaHostingOptions>? configure = null)
    {
        if (!LambdaEnvironment.IsLambda) return services;
        LambdaInitErrorReporter.Install();
        services.Configure<LambdaHostingOptions>(options =>
        {
            options.EventSource = eventSource;
            configure?.Invoke(options);
        });
        services.RemoveAll<IServer>();
        services.AddSingleton<IServer, LambdaServer>();
        return services;
    }

    /// <summary>
    /// Inside Lambda: runs the runtime loop with <typeparamref name="THandler"/> once the host has started (the request
    /// id in a logging scope, init failures to <c>init/error</c>). Anywhere else it does nothing.
    /// </summary>
    public static IServiceCollection AddBoxOfficeLambdaFunction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, ILambdaHandler
    {
        if (!LambdaEnvironment.IsLambda) return services;
        LambdaInitErrorReporter.Install();
        services.AddSingleton<THandler>();
        services.AddHostedService<LambdaFunctionService<THandler>>();
        return services;
    }
}
