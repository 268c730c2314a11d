namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>The recorded events under <c>Lambda/Payloads</c>.</summary>
public static class Payloads
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Lambda", "Payloads", name));
}
