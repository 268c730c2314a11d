using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BoxOffice.Api.Tests.Support;

/// <summary>
/// A server the tests run as a child process on a free 127.0.0.1 port: started, waited for until a probe says it
/// answers, and killed with its whole process tree on dispose. Its output is kept (bounded) for failure messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int MaxOutput = 20_000;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Url = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri Url { get; }

    /// <summary>
    /// Starts <paramref name="fileName"/> with the arguments <paramref name="arguments"/> makes of a free port, then
    /// calls <paramref name="ready"/> until it returns true or <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string name, string fileName, Func<int, IEnumerable<string>> arguments, Func<Uri, Task<bool>> ready, TimeSpan timeout,
        string? workingDirectory = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments(port)) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{name} could not be started ({fileName}): {ex.Message}", ex);
        }
        var server = new ServerProcess(process, port);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(name, ready, timeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public string Output()
    {
        lock (_output) return _output.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(string name, Func<Uri, Task<bool>> ready, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{name} exited with {_process.ExitCode}: {Output()}");
            try
            {
                if (await ready(Url)) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            catch (TimeoutException)
            {
            }
            catch (SocketException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{name} did not answer on {Url} within {timeout}: {Output()}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < MaxOutput) _output.AppendLine(line);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
