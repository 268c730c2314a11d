using System.Text.Json;
using BoxOffice.Core.Jobs;

namespace BoxOffice.Api.Tests.Jobs;

/// <summary>Job bodies are written and read only through generated metadata (the Native AOT build has no other).</summary>
public sealed class JobJsonTests
{
    [Fact]
    public void Every_job_contract_has_generated_metadata_and_round_trips()
    {
        var contracts = typeof(JobJson).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(JobJson).Namespace && t.IsPublic && t.GetMethod("<Clone>$") is not null) // the records of Contracts.cs
            .ToList();

        Assert.Contains(typeof(OrderPlaced), contracts);
        Assert.All(contracts, type => Assert.NotNull(JobJsonContext.Default.GetTypeInfo(type)));
        var placed = JsonSerializer.Deserialize("""{"orderId":"o-1"}""", JobJson.TypeInfo<OrderPlaced>());
        Assert.Equal(new OrderPlaced("o-1"), placed);
    }

    [Fact]
    public void A_type_that_is_no_job_contract_is_refused_by_name()
    {
        var refused = Assert.Throws<NotSupportedException>(() => JobJson.TypeInfo<DateTimeOffset>());

        Assert.Contains("DateTimeOffset is not a job contract", refused.Message, StringComparison.Ordinal);
    }
}
