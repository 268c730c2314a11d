using BoxOffice.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>Registers every job handler and the dispatcher that routes jobs to them.</summary>
    public static IServiceCollection AddBoxOfficeJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobDispatcher>();
        return services;
    }
}
