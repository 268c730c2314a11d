using BoxOffice.Core.Queue;
using BoxOffice.Hosting.Composition;
#if IN_PROCESS_JOBS
using BoxOffice.Hosting.Jobs;
using BoxOffice.Worker;
#endif

namespace BoxOffice.Api.Hosting;

/// <summary>
/// The Worker inside the Api: its job handlers and, in the local shape with <c>BoxOffice:Queue:ProcessInApi</c> on,
/// the poller that feeds them and the schedule of the order sweep. The only place the Api names the Worker: the Lambda package is built without it
/// (<c>-p:LambdaPackage=true</c>, see Api.csproj), as the Worker function takes the jobs there.
/// </summary>
internal static class InProcessJobs
{
    public static WebApplicationBuilder AddInProcessJobs(this WebApplicationBuilder builder)
    {
        var queue = builder.Configuration.GetSection(QueueOptions.Section).Get<QueueOptions>() ?? new QueueOptions();
        var processHere = BoxOfficeOptions.ShapeOf(builder.Configuration) == RuntimeShape.Local && queue.ProcessInApi;
#if IN_PROCESS_JOBS
        builder.Services.AddBoxOfficeJobs();
        if (processHere)
        {
            builder.Services.AddHostedService<QueuePoller>();
            builder.Services.AddHostedService<OrderSweepSchedule>();
        }
#else
        // Orders would stay Pending without a word: refuse to start instead.
        if (processHere)
            throw new InvalidOperationException(
                $"This build of the Api carries no job handlers (it was built with -p:LambdaPackage=true). Set {QueueOptions.Section}:ProcessInApi " +
                "to false and run the Worker, or run a build without that property.");
#endif
        return builder;
    }
}
