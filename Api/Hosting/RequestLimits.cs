using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BoxOffice.Api.Hosting;

/// <summary>
/// The size limits of a request's target and headers (docs/limits.md). The app enforces them itself, so that a
/// request over them gets a problem answer; Kestrel, which answers its own refusals with a bare status and no body
/// before the app sees the request, is given <see cref="KestrelMargin"/> times as much room as the outer guard.
/// </summary>
public static class RequestLimits
{
    /// <summary>Bytes of the path and query (Kestrel's own default for the whole request line).</summary>
    public const int MaxTargetBytes = 8 * 1024;

    /// <summary>Bytes of all header lines, names and values (Kestrel's default).</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Header fields (Kestrel's default).</summary>
    public const int MaxHeaderCount = 100;

    public const int KestrelMargin = 4;

    public static void ApplyOuterLimits(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = MaxTargetBytes * KestrelMargin;
        limits.MaxRequestHeadersTotalSize = MaxHeaderBytes * KestrelMargin;
        limits.MaxRequestHeaderCount = MaxHeaderCount * KestrelMargin;
    }
}
