using System.Diagnostics;
using System.Text.Json;
using BoxOffice.Api.Tests.Template;

namespace BoxOffice.Api.Tests.Architecture;

/// <summary>
/// The Api's Lambda build (<c>-p:LambdaPackage=true</c>, as scripts/package-lambda.sh builds it) leaves the Worker
/// out, so the function carries no PDF writer, QR code or image parsers, and leaves Swashbuckle out, which Native AOT
/// cannot compile; every other build keeps both, for in-process jobs and /swagger.
/// Read from MSBuild's evaluation of Api.csproj: nothing is built.
/// </summary>
[Trait("Category", TestCategory.Lambda)]
public sealed class LambdaPackageTests
{
    [Fact]
    public async Task The_lambda_build_of_the_api_references_no_worker()
    {
        var lambda = await EvaluateAsync("-p:LambdaPackage=true");

        Assert.DoesNotContain(lambda.References, r => r.Contains("Worker", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lambda.References, r => r.EndsWith("Infrastructure.csproj", StringComparison.Ordinal));
        Assert.DoesNotContain("IN_PROCESS_JOBS", lambda.Constants);
        // Nor Swashbuckle, which Native AOT cannot compile.
        Assert.DoesNotContain("OPENAPI_DOCUMENT", lambda.Constants);
        Assert.DoesNotContain("Swashbuckle.AspNetCore", lambda.Packages);
    }

    [Fact]
    public async Task Any_other_build_of_the_api_carries_the_worker_for_in_process_jobs()
    {
        var local = await EvaluateAsync();

        Assert.Contains(local.References, r => r.EndsWith("Worker.csproj", StringComparison.Ordinal));
        Assert.Contains("IN_PROCESS_JOBS", local.Constants);
        Assert.Contains("OPENAPI_DOCUMENT", local.Constants);
        Assert.Contains("Swashbuckle.AspNetCore", local.Packages);
        Assert.Contains(Layers.ApiAssembly.GetReferencedAssemblies(), a => a.Name == Layers.WorkerAssembly.GetName().Name);
    }

    private static async Task<(IReadOnlyList<string> References, IReadOnlyList<string> Packages, IReadOnlyList<string> Constants)> EvaluateAsync(params string[] properties)
    {
        var root = Path.GetDirectoryName(ServerlessTemplate.FilePath)!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var arg in new[] { "msbuild", Path.Combine(root, "Api", "Api.csproj"), "-nologo", "-getItem:ProjectReference", "-getItem:PackageReference", "-getProperty:DefineConstants" }.Concat(properties))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.True(process.ExitCode == 0, $"msbuild failed: {await stdout}{await stderr}");

        var json = JsonDocument.Parse(await stdout).RootElement;
        var references = json.GetProperty("Items").GetProperty("ProjectReference").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/')).ToList();
        var packages = json.GetProperty("Items").TryGetProperty("PackageReference", out var listed)
            ? listed.EnumerateArray().Select(item => item.GetProperty("Identity").GetString()!).ToList() : [];
        var constants = json.GetProperty("Properties").GetProperty("DefineConstants").GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries);
        return (references, packages, constants);
    }
}
