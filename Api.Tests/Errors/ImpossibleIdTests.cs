using BoxOffice.Api.Tests.Support;

namespace BoxOffice.Api.Tests.Errors;

/// <summary>The local shape answers ids that cannot exist with a 404 problem (the AWS shape: AwsShapeFlowTests).</summary>
public sealed class ImpossibleIdTests(BoxOfficeApp app) : IClassFixture<BoxOfficeApp>
{
    public static TheoryData<string, string, int> Cases => ImpossibleIds.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_id_that_cannot_exist_is_a_404_problem(string method, string path, int id) =>
        await ImpossibleIds.SendAndExpectNotFoundAsync(await app.AdminAsync(), method, path, id);
}
