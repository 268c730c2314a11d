namespace BoxOffice.Api.Site;

/// <summary>The folder the site is served from, registered only when there is one (see <see cref="SiteSetup"/>).</summary>
public sealed record SiteFolder(string Path);
