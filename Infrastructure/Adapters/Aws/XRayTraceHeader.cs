using System.Diagnostics;

namespace BoxOffice.Adapters.Aws;

/// <summary>
/// The X-Ray trace header (<c>Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1</c>), as
/// Lambda hands it to an invocation and SQS carries it in the <c>AWSTraceHeader</c> system attribute, read as a W3C
/// trace context: the trace id is the root's time and random parts joined (32 hex digits), the parent is the span.
/// </summary>
public static class XRayTraceHeader
{
    /// <summary>The SQS system attribute that carries the header from sender to receiver.</summary>
    public const string SqsAttribute = "AWSTraceHeader";

    public static bool TryParse(string? header, out ActivityContext context)
    {
        context = default;
        if (string.IsNullOrEmpty(header)) return false;
        string? root = null, parent = null;
        var sampled = false;
        foreach (var part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = part.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (part[..at], part[(at + 1)..]) : (part, "");
            if (key == "Root") root = value;
            else if (key == "Parent") parent = value;
            else if (key == "Sampled") sampled = value == "1";
        }
        // Root: version 1, 8 hex digits of epoch seconds, 24 random hex digits.
        if (root is not { Length: 35 } || !root.StartsWith("1-", StringComparison.Ordinal) || root[10] != '-') return false;
        var traceHex = string.Concat(root.AsSpan(2, 8), root.AsSpan(11, 24));
        if (!IsLowerHex(traceHex) || traceHex.All(c => c == '0')) return false;
        var spanId = parent is { Length: 16 } && IsLowerHex(parent) && parent.Any(c => c != '0')
            ? ActivitySpanId.CreateFromString(parent)
            : ActivitySpanId.CreateRandom();
        context = new ActivityContext(
            ActivityTraceId.CreateFromString(traceHex), spanId, sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None, isRemote: true);
        return true;
    }

    /// <summary>The W3C <c>traceparent</c> of <paramref name="header"/>, or null when it is not a valid X-Ray header.</summary>
    public static string? ToTraceParent(string? header) =>
        TryParse(header, out var context)
            ? $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}"
            : null;

    private static bool IsLowerHex(string text) => text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
