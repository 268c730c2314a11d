namespace BoxOffice.Core.Files;

/// <summary>How to upload: PUT to <see cref="Url"/> with exactly these headers before <see cref="ExpiresAt"/>.</summary>
public sealed record PresignedUpload(Uri Url, string Method, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt);
