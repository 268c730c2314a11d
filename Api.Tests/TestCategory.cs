namespace BoxOffice.Api.Tests;

/// <summary>
/// Values of the <c>Category</c> trait for tests that need more than the local shape; untagged tests run on the
/// local shape alone: <c>dotnet test --filter "Category!=Aws&amp;Category!=Lambda&amp;Category!=Template&amp;Category!=Browser"</c>.
/// </summary>
public static class TestCategory
{
    /// <summary>Runs against moto_server (the AWS adapters, the AWS shape).</summary>
    public const string Aws = "Aws";

    /// <summary>Our Lambda hosting layer: event translation, the Runtime API loop, processes against a fake Runtime API.</summary>
    public const string Lambda = "Lambda";

    /// <summary>Reads serverless.template or the deploy scripts.</summary>
    public const string Template = "Template";

    /// <summary>Drives the web box office in Chromium.</summary>
    public const string Browser = "Browser";
}
