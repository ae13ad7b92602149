using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Api.Tests.Beheer;

/// <summary>The rebuild replays casus streams only: the streams that record a region's chain checks are no casus.</summary>
public sealed class HerbouwNaKetencontroleTests(CasusApi api) : IClassFixture<CasusApi>
{
    private static readonly Actor Beheerder =
        new("beheer", new Organisatie("liec", "LIEC", PartnerType.Liec), new HashSet<RiecRegio>(), true, new HashSet<Rol> { Rol.Beheerder });

    [Fact]
    public async Task A_rebuild_after_a_region_chain_check_rebuilds_the_casussen_and_keeps_the_check()
    {
        var client = api.Client();
        var id = await client.NewCasus();
        var auditor = client.As(Personas.Auditor);
        var controle = (await auditor.Post("/api/v1/regios/taskforce-brabant-zeeland/ketencontroles", new { }))
            .AssertStatus(HttpStatusCode.Created).Body!;

        var resultaat = (await client.As(Beheerder).Post("/api/v1/beheer/projecties/_herbouw", new { })).AssertStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(1, resultaat["casussen"]!.GetValue<int>());
        (await client.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK);
        (await auditor.Get($"/api/v1/regios/taskforce-brabant-zeeland/ketencontroles/{controle["controleId"]}")).AssertStatus(HttpStatusCode.OK);
    }
}
