using System.Text.Json;
using BoxOffice.Api.Tests.Lambda.Support;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>
/// The end-to-end Lambda tests on the Native AOT package, the one the template deploys: its <c>bootstrap</c>, built by
/// <c>scripts/package-lambda.sh</c> (once per change of the sources; see <see cref="LambdaPackages"/>).
/// </summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class NativeAotLambdaProcessTests : LambdaProcessTests
{
    [Fact]
    public async Task The_package_has_no_openapi_document_and_says_so_when_one_is_asked_for()
    {
        var (runtime, _) = await StartAsync(Api, new Dictionary<string, string> { ["BoxOffice__OpenApi__Enabled"] = "true" });

        var error = await runtime.InitError.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("BoxOffice:OpenApi:Enabled", JsonDocument.Parse(error.Body).RootElement.GetProperty("errorMessage").GetString());
    }

    protected override async Task<LambdaProcess> LaunchAsync(string function, string runtimeApi, IReadOnlyDictionary<string, string> environment)
    {
        var packages = await LambdaPackages.GetAsync("aot-x86_64", "--build", "aot");
        return LambdaProcess.StartBootstrap(Path.Combine(packages, "publish", function), $"BoxOffice.{function}", runtimeApi, environment);
    }
}
