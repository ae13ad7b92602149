using System.Net;
using System.Text.Json;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Casussen;

/// <summary>The check every test's answers go through (<see cref="OpenApiAntwoordValidatie"/>) tells a documented answer
/// from one that is not.</summary>
public sealed class AntwoordContractTests(CasusApi api) : IClassFixture<CasusApi>
{
    [Fact]
    public async Task A_real_answer_matches_and_a_changed_one_does_not()
    {
        var client = api.Client();
        var id = await client.NewCasus();
        var casus = (await client.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK).Body!.AsObject();
        var contract = await api.Contract();
        var pad = $"/api/v1/casussen/{id}";

        Assert.Null(contract.Check("GET", pad, 200, "application/json", JsonSerializer.SerializeToElement(casus)));
        var fout = casus.DeepClone().AsObject();
        fout["versie"] = "een";
        Assert.NotNull(contract.Check("GET", pad, 200, "application/json", JsonSerializer.SerializeToElement(fout)));
        Assert.NotNull(contract.Check("GET", pad, 299, "application/json", JsonSerializer.SerializeToElement(casus)));
        Assert.NotNull(contract.Check("GET", pad, 404, "application/problem+json", JsonSerializer.SerializeToElement(new { title = "x" })));
    }
}
