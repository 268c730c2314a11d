namespace BoxOffice.Core.Posters;

/// <summary>One upload request of a show's poster, as its storage key names it.</summary>
public sealed record PosterUpload(string ShowId, string UploadId);
