namespace BoxOffice.Hosting.Lambda.Runtime;

/// <summary>The error body the Runtime API takes on <c>/error</c> and <c>/init/error</c>.</summary>
internal sealed class RuntimeError
{
    public required string ErrorType { get; init; }

    public required string ErrorMessage { get; init; }

    public IReadOnlyList<string> StackTrace { get; init; } = [];

    public static RuntimeError From(Exception exception)
    {
        var stack = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!ReferenceEquals(current, exception)) stack.Add($"--- inner {current.GetType().FullName}: {current.Message}");
            if (current.StackTrace is { } trace)
                stack.AddRange(trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return new RuntimeError { ErrorType = exception.GetType().Name, ErrorMessage = exception.Message, StackTrace = stack };
    }
}
