using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using BoxOffice.Api.Tests.Template;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>
/// The Lambda packages as <c>scripts/package-lambda.sh</c> builds them, under <c>artifacts/test-lambda/</c>. A package
/// is rebuilt only when a file it is made from changed (a hash of every file there that git does not ignore), so a
/// repeated local run reuses it and a fresh clone (CI) builds it once.
/// </summary>
public static class LambdaPackages
{
    private static readonly string[] Sources = ["Api", "Infrastructure", "Worker", "Directory.Build.props", "Directory.Packages.props", "global.json", "scripts/package-lambda.sh"];
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Built = new(StringComparer.Ordinal);

    public static string Root { get; } = Path.GetDirectoryName(ServerlessTemplate.FilePath)!;

    /// <summary>
    /// The output folder of the packages built with <paramref name="arguments"/>: <c>Api.zip</c>, <c>Worker.zip</c>
    /// and the unzipped <c>publish/Api</c>, <c>publish/Worker</c>.
    /// </summary>
    public static Task<string> GetAsync(string name, params string[] arguments) =>
        Built.GetOrAdd(name, _ => new Lazy<Task<string>>(() => BuildAsync(name, arguments))).Value;

    private static async Task<string> BuildAsync(string name, string[] arguments)
    {
        var output = Path.Combine(Root, "artifacts", "test-lambda", name);
        var stamp = Path.Combine(output, "sources.sha256");
        var hash = await SourcesHashAsync(arguments);
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == hash) return output;

        // Built aside and moved in place whole, so a stopped run never leaves a package that looks complete.
        var partial = output + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        // At low priority: the compiler would otherwise take the CPU from the tests running meanwhile (browser tests time out).
        var (code, log) = await RunAsync("nice", ["-n", "15", "bash", Path.Combine(Root, "scripts", "package-lambda.sh"), .. arguments, "--output", partial], TimeSpan.FromMinutes(40));
        Assert.True(code == 0, $"scripts/package-lambda.sh {string.Join(' ', arguments)} failed:\n{log}");
        await File.WriteAllTextAsync(Path.Combine(partial, "sources.sha256"), hash);
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        Directory.Move(partial, output);
        return output;
    }

    private static async Task<string> SourcesHashAsync(string[] arguments)
    {
        var (code, listing) = await RunAsync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", .. Sources], TimeSpan.FromMinutes(1));
        Assert.Equal(0, code);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(string.Join(' ', arguments) + "\0"));
        foreach (var file in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(Root, file);
            if (!File.Exists(path)) continue;
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            sha.AppendData(await File.ReadAllBytesAsync(path));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host's MSBuild variables would steer a nested dotnet publish at the tests' own build.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(variable);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} took longer than {timeout}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
