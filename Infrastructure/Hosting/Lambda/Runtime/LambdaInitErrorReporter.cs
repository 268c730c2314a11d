using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>
/// Sends an exception that ends the process before the first <c>next</c> (a failed build or start of the host) to
/// <c>init/error</c>, so Lambda reports the real cause instead of "Runtime exited".
/// </summary>
internal static class LambdaInitErrorReporter
{
    private static int _installed;
    private static volatile bool _initDone;

    /// <summary>Hooks the process's last-chance exception handler once; a no-op outside Lambda.</summary>
    public static void Install()
    {
        if (!LambdaEnvironment.IsLambda || Interlocked.Exchange(ref _installed, 1) == 1) return;
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (!_initDone && e.ExceptionObject is Exception ex) Report(ex, logger: null);
        };
    }

    /// <summary>Called when the runtime loop asks for its first event: from then on failures belong to invocations.</summary>
    public static void MarkInitDone() => _initDone = true;

    /// <summary>Posts <paramref name="exception"/> to <c>init/error</c>; true when the Runtime API took it.</summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "It runs while the process is already failing and must not hide the original error.")]
    public static bool Report(Exception exception, ILogger? logger)
    {
        _initDone = true;
        if (LambdaEnvironment.RuntimeApi is not { } api) return false;
        try
        {
            using var client = new RuntimeApiClient(api, timeout: TimeSpan.FromSeconds(5));
            client.PostInitError(RuntimeError.From(exception), CancellationToken.None);
            return true;
        }
        catch (Exception postFailure)
        {
            if (logger is not null) logger.LogError(postFailure, "Could not report the init error to the Runtime API");
            else Console.Error.WriteLine($"Could not report the init error to the Runtime API: {postFailure.Message}");
            return false;
        }
    }
}
