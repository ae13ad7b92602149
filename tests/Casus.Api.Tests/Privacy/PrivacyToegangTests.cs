using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Toegang;

namespace Casus.Api.Tests.Privacy;

/// <summary>The endpoints of one destruction list and one erasure request × every persona of the access matrices (the list of
/// lists and a new erasure request are in <see cref="LeesToegangTests"/>): privacy officers and auditors of the region read a
/// list, only privacy officers of the region approve it; privacy officers and auditors read an erasure request.</summary>
public sealed class PrivacyToegangTests(PrivacyApi api) : IClassFixture<PrivacyApi>
{
    private static readonly string[] LeestLijst = ["auditor", "landel", "privacy"];
    private static readonly string[] LeestVerzoek = ["auditor", "auditL", "landel", "privacy"];

    [Fact]
    public async Task A_list_is_read_by_privacy_officers_and_auditors_of_its_region_approved_only_by_privacy_officers_and_a_request_read_by_both()
    {
        api.Clock.Set(CasusApi.Now);
        var coordinator = api.Client();
        var id = await coordinator.NewCasus();
        await coordinator.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()),
            new Step("verkenningsbesluit", new { besluit = "niet-opnemen", reden = "Geen ondermijning." }, Personas.Coordinator()));
        api.Clock.Set(CasusApi.Now.AddYears(2));
        var privacy = api.Client(Personas.Privacyfunctionaris);
        string? lijstId = null;
        Assert.True(await PrivacyApi.WachtOpAsync(async () =>
        {
            lijstId = (await privacy.Get("/api/v1/vernietigingslijsten")).Body!["results"]!.AsArray().FirstOrDefault()?["id"]!.GetValue<string>();
            return lijstId is not null;
        }), "no list proposed");
        var verzoekId = (await privacy.Post("/api/v1/wisverzoeken", new { subject = Examples.Subject, grond = "bezwaar", kenmerk = "AVG-7" }))
            .AssertStatus(HttpStatusCode.Created).Body!["verzoekId"]!.GetValue<string>();

        var fouten = new List<string>();
        foreach (var persona in Wie.Iedereen)
        {
            var client = api.Client(Personas.Coordinator()).As(Wie.Actor(persona));
            void Verwacht(ApiResponse r, HttpStatusCode status, string wat)
            {
                if (r.Status != status) fouten.Add($"{wat} as {persona}: {(int)r.Status}, expected {(int)status} {r.Code}");
            }
            var nietAangemeld = persona == "anoniem";
            Verwacht(await client.Get($"/api/v1/vernietigingslijsten/{lijstId}"),
                nietAangemeld ? HttpStatusCode.Unauthorized : LeestLijst.Contains(persona) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, "GET list");
            Verwacht(await client.Get($"/api/v1/wisverzoeken/{verzoekId}"),
                nietAangemeld ? HttpStatusCode.Unauthorized : LeestVerzoek.Contains(persona) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, "GET request");
            if (persona != "privacy")
                Verwacht(await client.Post($"/api/v1/vernietigingslijsten/{lijstId}/akkoorden", new { }),
                    nietAangemeld ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, "approve");
        }
        Assert.Empty(fouten);
        Assert.Empty((await privacy.Get($"/api/v1/vernietigingslijsten/{lijstId}")).Body!["akkoorden"]!.AsArray());
        Assert.Equal("vernietigingslijst.niet-gevonden", (await privacy.Get($"/api/v1/vernietigingslijsten/{Guid.NewGuid()}"))
            .AssertStatus(HttpStatusCode.NotFound).Code);
        Assert.Equal("wisverzoek.niet-gevonden", (await privacy.Get($"/api/v1/wisverzoeken/{Guid.NewGuid()}")).AssertStatus(HttpStatusCode.NotFound).Code);
        Assert.Equal("vernietigingslijst.niet-gevonden", (await privacy.Post($"/api/v1/vernietigingslijsten/{Guid.NewGuid()}/akkoorden", new { }))
            .AssertStatus(HttpStatusCode.NotFound).Code);
        // A privacy officer of another region may not approve it.
        var limburg = Personas.Privacyfunctionaris with { GebruikerId = "p.limburg", Regios = new HashSet<Domain.Gedeeld.RiecRegio> { Domain.Gedeeld.RiecRegio.Limburg } };
        Assert.Equal("toegang.rol-ontbreekt", (await api.Client(limburg).Post($"/api/v1/vernietigingslijsten/{lijstId}/akkoorden", new { }))
            .AssertStatus(HttpStatusCode.Forbidden).Code);
    }
}
