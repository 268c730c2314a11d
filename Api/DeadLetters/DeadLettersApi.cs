using BoxOffice.Api.Identity;
using BoxOffice.Core.Queue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoxOffice.Api.DeadLetters;

public static class DeadLettersApi
{
    public static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/dead-letters").WithTags("Admin")
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/", List).WithName("ListDeadLetters").WithSummary("Jobs that failed max-receives times");
        admin.MapPost("/redrive", Redrive).WithName("RedriveDeadLetters").WithSummary("Move every dead letter back to the job queue");
        return app;
    }

    private static async Task<Results<Ok<DeadLetterResponse[]>, ValidationProblem>> List(int? limit, IDeadLetters deadLetters, CancellationToken ct)
    {
        if (limit is < 1 or > 100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["Between 1 and 100."] });
        var letters = await deadLetters.ListAsync(limit ?? 100, ct);
        return TypedResults.Ok(letters.Select(l => new DeadLetterResponse(l.MessageId, l.Message.Type, l.Message.Body, l.Message.CorrelationId, l.ReceiveCount, l.DeadLetteredAt)).ToArray());
    }

    private static async Task<Ok<RedriveResponse>> Redrive(IDeadLetters deadLetters, CancellationToken ct) =>
        TypedResults.Ok(new RedriveResponse(await deadLetters.RedriveAsync(ct)));
}

public sealed record DeadLetterResponse(string MessageId, string Type, string Body, string? CorrelationId, int ReceiveCount, DateTimeOffset? DeadLetteredAt);

public sealed record RedriveResponse(int Redriven);
