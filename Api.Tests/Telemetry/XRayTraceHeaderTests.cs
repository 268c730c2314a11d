using System.Diagnostics;
using BoxOffice.Adapters.Aws;

namespace BoxOffice.Api.Tests.Telemetry;

public class XRayTraceHeaderTests
{
    [Fact]
    public void A_lambda_trace_header_reads_as_the_w3c_context_of_the_same_trace()
    {
        Assert.True(XRayTraceHeader.TryParse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1", out var context));

        Assert.Equal("5759e988bd862e3fe1be46a994272793", context.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", context.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.True(context.IsRemote);
        Assert.Equal("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01",
            XRayTraceHeader.ToTraceParent("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
    }

    [Fact]
    public void Unsampled_and_parentless_headers_keep_the_trace_id()
    {
        Assert.True(XRayTraceHeader.TryParse("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0", out var context));

        Assert.Equal("5759e988bd862e3fe1be46a994272793", context.TraceId.ToHexString());
        Assert.Equal(ActivityTraceFlags.None, context.TraceFlags);
        Assert.NotEqual(default, context.SpanId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Parent=53995c3f42cd8ad8;Sampled=1")]
    [InlineData("Root=2-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a99427279")]
    [InlineData("Root=1-5759E988-BD862E3FE1BE46A994272793")]
    [InlineData("Root=1-00000000-000000000000000000000000")]
    [InlineData("Root=1-5759e988xbd862e3fe1be46a994272793")]
    public void Anything_else_is_no_trace(string? header)
    {
        Assert.False(XRayTraceHeader.TryParse(header, out _));
        Assert.Null(XRayTraceHeader.ToTraceParent(header));
    }
}
