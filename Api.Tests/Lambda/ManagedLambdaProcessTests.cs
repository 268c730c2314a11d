using BoxOffice.Api.Tests.Lambda.Support;

namespace BoxOffice.Api.Tests.Lambda;

/// <summary>The end-to-end Lambda tests on the managed build next to the tests (what the dotnet10 and ReadyToRun packages run).</summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class ManagedLambdaProcessTests : LambdaProcessTests
{
    protected override Task<LambdaProcess> LaunchAsync(string function, string runtimeApi, IReadOnlyDictionary<string, string> environment) =>
        Task.FromResult(LambdaProcess.Start($"BoxOffice.{function}.dll", runtimeApi, environment));
}
