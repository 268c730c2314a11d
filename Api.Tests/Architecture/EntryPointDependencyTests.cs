using System.Reflection;
using NetArchTest.Rules;

namespace BoxOffice.Api.Tests.Architecture;

/// <summary>
/// The Api and the Worker see the ports; the composition in <c>BoxOffice.Hosting.Composition</c> picks the adapters.
/// The few entry-point types that are themselves the outer half of an adapter are named here, and only they may
/// use adapter types.
/// </summary>
public sealed class EntryPointDependencyTests
{
    /// <summary>Serves the local file store's signed URLs (the local twin of S3).</summary>
    private const string LocalFilesApi = "BoxOffice.Api.Files.LocalFilesApi";
    /// <summary>Serves the local dev token issuer's token and keys.</summary>
    private const string IdentityApi = "BoxOffice.Api.Identity.IdentityApi";
    /// <summary>The local dev issuer's browser sign-in (authorize page, code + PKCE token endpoint, logout).</summary>
    private const string DevSignInApi = "BoxOffice.Api.Identity.SignIn.DevSignInApi";
    /// <summary>Reads SQS records in the SQS adapter's wire format.</summary>
    private const string SqsJobReader = "BoxOffice.Worker.Lambda.SqsJobReader";
    /// <summary>Registers the Worker's handlers in the Api; left out of the Lambda build.</summary>
    private const string InProcessJobs = "BoxOffice.Api.Hosting.InProcessJobs";

    [Fact]
    public void Only_the_adapters_own_endpoints_in_the_api_use_adapter_types()
    {
        Assert.Equal([LocalFilesApi, IdentityApi, DevSignInApi], Offenders(Layers.ApiAssembly, Layers.Api, Layers.Adapters));
    }

    [Fact]
    public void Only_the_sqs_record_reader_in_the_worker_uses_adapter_types()
    {
        Assert.Equal([SqsJobReader], Offenders(Layers.WorkerAssembly, Layers.Worker, Layers.Adapters));
    }

    /// <summary>So the Lambda build, which has no Worker, compiles: one small file holds the only references.</summary>
    [Fact]
    public void Only_the_in_process_jobs_registration_in_the_api_uses_worker_types()
    {
        Assert.Equal([InProcessJobs], Offenders(Layers.ApiAssembly, Layers.Api, Layers.Worker));
    }

    /// <summary>The top-level types under <paramref name="ns"/> that depend on <paramref name="forbidden"/>, nested types counted as their outer type.</summary>
    private static List<string> Offenders(Assembly assembly, string ns, string forbidden)
    {
        var result = Types.InAssembly(assembly).That().ResideInNamespace(ns).ShouldNot().HaveDependencyOn(forbidden).GetResult();
        return (result.FailingTypeNames ?? []).Select(name => name.Split('/', '+')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
