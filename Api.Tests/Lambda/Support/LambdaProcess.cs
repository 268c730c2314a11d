using System.Collections.Concurrent;
using System.Diagnostics;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>
/// A built entry assembly (the Api or the Worker) started as a real process the way Lambda starts it: with
/// <c>AWS_LAMBDA_RUNTIME_API</c> pointing at a fake Runtime API. Its stdout lines are kept; disposing kills it.
/// </summary>
public sealed class LambdaProcess : IAsyncDisposable
{
    private readonly Process _process;

    private LambdaProcess(Process process) => _process = process;

    public ConcurrentQueue<string> Output { get; } = new();

    public Process Process => _process;

    /// <summary>The entry assembly built next to the tests, run by <c>dotnet exec</c> (the managed build).</summary>
    public static LambdaProcess Start(string assembly, string runtimeApi, IReadOnlyDictionary<string, string> environment)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly);
        if (!File.Exists(path)) throw new FileNotFoundException("Build the solution first: the entry assembly is missing.", path);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(path);
        return Launch(start, Path.GetFileNameWithoutExtension(assembly), runtimeApi, environment);
    }

    /// <summary>
    /// A packaged function's <c>bootstrap</c> (<paramref name="package"/> is its unpacked folder, as Lambda's task
    /// root), run as the custom runtime runs it.
    /// </summary>
    public static LambdaProcess StartBootstrap(string package, string functionName, string runtimeApi, IReadOnlyDictionary<string, string> environment)
    {
        var bootstrap = Path.Combine(package, "bootstrap");
        if (!File.Exists(bootstrap)) throw new FileNotFoundException("The package has no bootstrap.", bootstrap);
        var start = new ProcessStartInfo(bootstrap) { WorkingDirectory = package };
        start.Environment["LAMBDA_TASK_ROOT"] = package;
        return Launch(start, functionName, runtimeApi, environment);
    }

    private static LambdaProcess Launch(ProcessStartInfo start, string functionName, string runtimeApi, IReadOnlyDictionary<string, string> environment)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = functionName;
        start.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var started = new LambdaProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null) started.Output.Enqueue(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) started.Output.Enqueue("stderr: " + e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
    }
}
