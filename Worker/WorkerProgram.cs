using BoxOffice.Hosting.Composition;
using BoxOffice.Hosting.Jobs;
using BoxOffice.Hosting.Lambda;
using BoxOffice.Hosting.Lambda.Runtime;
using BoxOffice.Hosting.Logging;
using BoxOffice.Worker.Lambda;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BoxOffice.Worker;

/// <summary>
/// The Worker's single entry: inside Lambda (<c>AWS_LAMBDA_RUNTIME_API</c> set) it answers SQS batches through the
/// runtime loop; anywhere else it polls the queue from this process.
/// </summary>
public static class WorkerProgram
{
    public static Task<int> Main(string[] args) => RunAsync(args);

    public static async Task<int> RunAsync(string[] args)
    {
        await CreateBuilder(args).Build().RunAsync();
        return Environment.ExitCode;
    }

    /// <summary>The Worker's composition: the core of the configured shape, the job handlers, and the Lambda entry or the poller.</summary>
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        // First, so a failure in the rest of the setup is reported to init/error.
        builder.Services.AddBoxOfficeLambdaFunction<SqsBatchFunction>();
        builder.AddBoxOfficeLogging();
        builder.AddBoxOfficeCore(AwsSettings.Worker);
        builder.Services.AddBoxOfficeJobs();
        if (!LambdaEnvironment.IsLambda)
        {
            builder.Services.AddHostedService<QueuePoller>();
            builder.Services.AddHostedService<OrderSweepSchedule>(); // in Lambda, the template's schedule queues the sweep
        }
        return builder;
    }
}
