using BoxOffice.Core.Jobs;
using BoxOffice.Worker.Orders;
using BoxOffice.Worker.Posters;
using BoxOffice.Worker.Reports;
using BoxOffice.Worker.Shows;
using BoxOffice.Worker.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>Registers every job handler and the dispatcher that routes jobs to them.</summary>
    public static IServiceCollection AddBoxOfficeJobs(this IServiceCollection services)
    {
        services.AddSingleton<TicketDocumentRenderer>();
        services.AddSingleton<SalesReportBuilder>();
        services.AddSingleton<IJobHandler, OrderPlacedHandler>();
        services.AddSingleton<IJobHandler, FileUploadedHandler>();
        services.AddSingleton<IJobHandler, ShowCancelledHandler>();
        services.AddSingleton<IJobHandler, SalesReportHandler>();
        services.AddSingleton<IJobHandler, OrdersSweepHandler>();
        services.AddSingleton<JobDispatcher>();
        return services;
    }
}
