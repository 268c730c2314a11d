using System.Diagnostics;

namespace BoxOffice.Api.Tests.Template;

/// <summary>deploy.sh and destroy.sh explain themselves and refuse clearly before touching anything.</summary>
[Trait("Category", TestCategory.Template)]
public class DeployScriptsTests
{
    [Theory]
    [InlineData("deploy.sh")]
    [InlineData("destroy.sh")]
    public async Task Help_explains_usage(string script)
    {
        var (code, stdout, _) = await RunAsync(script, "--help");

        Assert.Equal(0, code);
        Assert.Contains($"Usage: scripts/{script} --stack-name NAME", stdout);
    }

    [Theory]
    [InlineData("deploy.sh")]
    [InlineData("destroy.sh")]
    public async Task Refuses_without_a_stack_name(string script)
    {
        var (code, _, stderr) = await RunAsync(script);

        Assert.Equal(2, code);
        Assert.Contains("no stack name", stderr);
    }

    [Theory]
    [InlineData("deploy.sh")]
    [InlineData("destroy.sh")]
    public async Task Refuses_without_credentials(string script)
    {
        var (code, _, stderr) = await RunAsync(script, "--stack-name", "boxoffice-test", "--region", "us-east-1");

        Assert.Equal(2, code);
        Assert.Contains("no usable AWS credentials", stderr);
    }

    [Fact]
    public async Task Rejects_unknown_options()
    {
        var (code, _, stderr) = await RunAsync("deploy.sh", "--stack", "x");

        Assert.Equal(2, code);
        Assert.Contains("unknown option: --stack", stderr);
    }

    [Theory]
    [InlineData("--arch", "sparc", "--arch must be x86_64 or arm64, not 'sparc'")]
    [InlineData("--parameter", "Architecture=arm64", "use --arch")]
    public async Task Deploy_takes_the_architecture_only_from_arch_and_only_x86_64_or_arm64(string option, string value, string message)
    {
        var (code, _, stderr) = await RunAsync("deploy.sh", "--stack-name", "boxoffice-test", option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }

    /// <summary>Runs the script with no AWS configuration at all: no credentials, profiles or instance metadata.</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string script, params string[] args)
    {
        var root = Path.GetDirectoryName(ServerlessTemplate.FilePath)!;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, "scripts", script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k == "BOXOFFICE_STACK").ToList())
            start.Environment.Remove(key);
        var nowhere = Path.Combine(Path.GetTempPath(), "boxoffice-no-aws-config");
        start.Environment["AWS_CONFIG_FILE"] = nowhere;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = nowhere;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
