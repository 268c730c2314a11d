using NetArchTest.Rules;

namespace BoxOffice.Api.Tests.Architecture;

/// <summary>
/// The dependency rule of the core: domain, ports and job contracts know no adapter, no hosting, no cloud SDK,
/// no database driver, no web framework, no token library and no log sink. <c>System.*</c> and
/// <c>Microsoft.Extensions.*</c> abstractions (logging, options) are allowed.
/// </summary>
public static class CoreDependencyRule
{
    public static IReadOnlyList<string> Forbidden { get; } =
    [
        Layers.Adapters,
        Layers.Hosting,
        "Amazon",
        "Microsoft.Data.Sqlite",
        "Microsoft.AspNetCore",
        "Microsoft.IdentityModel",
        "Serilog",
    ];

    /// <summary>The rule applied to the Infrastructure types under <paramref name="ns"/>.</summary>
    public static TestResult Check(string ns) =>
        Types.InAssembly(Layers.Infrastructure).That().ResideInNamespace(ns).ShouldNot().HaveDependencyOnAny([.. Forbidden]).GetResult();
}
