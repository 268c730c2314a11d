using BoxOffice.Adapters.Aws.DynamoDb;
using BoxOffice.Adapters.Local.Sqlite;
using BoxOffice.Hosting.Lambda.AspNetCore;
using NetArchTest.Rules;

namespace BoxOffice.Api.Tests.Architecture;

public sealed class CoreDependencyTests
{
    [Fact]
    public void The_core_depends_on_no_adapter_hosting_or_framework_type()
    {
        var result = CoreDependencyRule.Check(Layers.Core);

        Assert.True(result.IsSuccessful, "These core types break the dependency rule: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_sees_the_core_types()
    {
        var core = Types.InAssembly(Layers.Infrastructure).That().ResideInNamespace(Layers.Core).GetTypes().Select(t => t.FullName!).ToList();

        Assert.Contains("BoxOffice.Core.Shows.Show", core);
        Assert.Contains("BoxOffice.Core.Orders.OrderPlacement", core);
        Assert.DoesNotContain(core, name => !name.StartsWith(Layers.Core + ".", StringComparison.Ordinal));
    }

    /// <summary>The same rule over namespaces that do use those libraries must report them, or it checks nothing.</summary>
    [Theory]
    [InlineData(Layers.Adapters, typeof(SqliteOrderStore))]
    [InlineData(Layers.Adapters, typeof(DynamoDbOrderStore))]
    [InlineData(Layers.Hosting, typeof(LambdaServer))]
    public void The_rule_reports_types_that_break_it(string ns, Type offender)
    {
        var result = CoreDependencyRule.Check(ns);

        Assert.False(result.IsSuccessful);
        Assert.Contains(offender.FullName, result.FailingTypeNames);
    }
}
