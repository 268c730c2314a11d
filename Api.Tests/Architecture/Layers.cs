using System.Reflection;
using BoxOffice.Core.Shows;
using BoxOffice.Worker;

namespace BoxOffice.Api.Tests.Architecture;

/// <summary>The assemblies the architecture rules read, and the namespaces that stand for the layers inside them.</summary>
public static class Layers
{
    public const string Core = "BoxOffice.Core";
    public const string Adapters = "BoxOffice.Adapters";
    public const string Hosting = "BoxOffice.Hosting";
    public const string Api = "BoxOffice.Api";
    public const string Worker = "BoxOffice.Worker";

    /// <summary>Core, adapters and hosting: one assembly, so the rules go by namespace.</summary>
    public static Assembly Infrastructure { get; } = typeof(Show).Assembly;

    public static Assembly ApiAssembly { get; } = typeof(Program).Assembly;

    public static Assembly WorkerAssembly { get; } = typeof(WorkerProgram).Assembly;
}
