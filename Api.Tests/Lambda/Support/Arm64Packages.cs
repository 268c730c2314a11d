using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BoxOffice.Api.Tests.Template;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>
/// The Api and Worker packaged for arm64 by scripts/package-lambda.sh, built once per state of the sources: the zips
/// are kept under artifacts/test-cache/lambda-arm64/&lt;hash of the sources&gt;, so a run over unchanged sources reuses
/// them. Built with ReadyToRun per assembly (--no-composite): the same package shape in a fraction of the build time.
/// </summary>
public sealed class Arm64Packages : IAsyncLifetime
{
    private static readonly string[] SourceFolders = ["Api", "Worker", "Infrastructure"];
    private static readonly string[] SourceFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", "scripts/package-lambda.sh"];
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(40);
    private readonly string _root = Path.GetDirectoryName(ServerlessTemplate.FilePath)!;
    private readonly string _unpacked = Path.Combine(Path.GetTempPath(), "boxoffice-arm64-" + Guid.NewGuid().ToString("N"));

    public string Emulator { get; private set; } = "";

    /// <summary>The folder holding Api.zip and Worker.zip.</summary>
    public string Folder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Emulator = QemuUser.Locate(); // before a build of minutes, not after
        var cache = Path.Combine(_root, "artifacts", "test-cache", "lambda-arm64");
        Folder = Path.Combine(cache, SourceHash());
        if (!File.Exists(Path.Combine(Folder, "Worker.zip"))) await BuildAsync(cache);
    }

    /// <summary>Unzips <paramref name="function"/>'s package into a fresh folder, its executable wrapped for qemu.</summary>
    public string Unpack(string function)
    {
        var folder = Path.Combine(_unpacked, function + "-" + Guid.NewGuid().ToString("N"));
        ZipFile.ExtractToDirectory(Path.Combine(Folder, function + ".zip"), folder);
        QemuUser.Wrap(Path.Combine(folder, "BoxOffice." + function), Emulator);
        return folder;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_unpacked)) Directory.Delete(_unpacked, recursive: true);
        return Task.CompletedTask;
    }

    private async Task BuildAsync(string cache)
    {
        var partial = Folder + ".partial-" + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(_root, "scripts", "package-lambda.sh"), "--arch", "arm64", "--no-composite", "--output", partial })
            start.ArgumentList.Add(argument);
        // The test host's MSBuild variables would steer the nested dotnet publish at the test's own build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var limit = new CancellationTokenSource(BuildLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/package-lambda.sh --arch arm64 took more than {BuildLimit.TotalMinutes} minutes:\n{output}");
        }
        await Task.WhenAll(stdout, stderr);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/package-lambda.sh --arch arm64 failed ({process.ExitCode}):\n{output}");

        Directory.Delete(Path.Combine(partial, "publish"), recursive: true); // the zips are the package
        // Older states' packages go, and partial builds a stopped run left behind; a parallel run's own build stays.
        foreach (var older in Directory.GetDirectories(cache).Where(d => d != Folder && d != partial
            && (!d.Contains(".partial-", StringComparison.Ordinal) || Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow - BuildLimit)))
            Directory.Delete(older, recursive: true);
        if (Directory.Exists(Folder)) Directory.Delete(partial, recursive: true); // a parallel run got there first
        else Directory.Move(partial, Folder);
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into) into.AppendLine(line);
        }
    }

    /// <summary>A hash of everything the package is built from: the three projects' sources, the build settings, the script.</summary>
    private string SourceHash()
    {
        // What .gitignore leaves out: build output, local data, editor state.
        static bool IsIgnored(string relative) =>
            relative.EndsWith(".user", StringComparison.Ordinal)
            || relative.Split('/').Any(part => part is "bin" or "obj" or ".data" or "TestResults" or ".vs" or ".idea" or "artifacts" or "dist" or ".emulator");
        var files = SourceFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(_root, folder), "*", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(_root, path).Replace('\\', '/'))
            .Where(relative => !IsIgnored(relative))
            .Concat(SourceFiles.Where(relative => File.Exists(Path.Combine(_root, relative))))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(_root, relative)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
