using BoxOffice.Configuration;
using BoxOffice.Logging;
using BoxOffice.Worker.Polling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BoxOffice.Worker;

/// <summary>The Worker's entry: polls the queue from this process (the Lambda entry joins here with issue 3).</summary>
public static class WorkerProgram
{
    public static Task<int> Main(string[] args) => RunAsync(args);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddBoxOfficeLogging();
        builder.AddBoxOfficeCore();
        builder.Services.AddBoxOfficeJobs();
        builder.Services.AddHostedService<QueuePoller>();
        await builder.Build().RunAsync();
        return 0;
    }
}
