using System.Net;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Verantwoording;

/// <summary>AVG art. 15: an auditor finds every processing of one person across casussen, with the organisations
/// involved, and nothing of anyone else.</summary>
public sealed class InzageTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();

    private static readonly object Piet = new { soort = "natuurlijk-persoon", voornamen = "Piet", achternaam = "de Boer", geboortedatum = "1975-03-02" };
    private static readonly object Henk = new { soort = "natuurlijk-persoon", voornamen = "Henk", achternaam = "Smits", geboortedatum = "1969-08-30" };
    private static readonly object Klaas = new { soort = "natuurlijk-persoon", voornamen = "Klaas", achternaam = "de Boer", geboortedatum = "1975-03-02" };

    private async Task<Guid> CasusMet(params object[] subjecten)
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()));
        foreach (var s in subjecten) await _client.Commands(id, new Step("subjecten", s, Personas.Coordinator()));
        return id;
    }

    [Fact]
    public async Task The_processing_log_of_a_person_covers_both_casussen_with_the_organisations_and_not_another_person()
    {
        var eerste = await CasusMet(Piet);
        var tweede = await CasusMet(Klaas, Piet);
        (await _client.As(Personas.Tilburg).Get($"/api/v1/casussen/{tweede}")).AssertStatus(HttpStatusCode.OK);

        var piet = (await _client.As(Personas.LandelijkeAuditor).Post("/api/v1/verwerkingen/_zoek", new { subject = Piet }))
            .AssertStatus(HttpStatusCode.OK).Body!;
        var results = piet["results"]!.AsArray();
        Assert.Equal(results.Count, piet["count"]!.GetValue<long>());
        Assert.Equal(new[] { eerste.ToString(), tweede.ToString() }.Order(), results.Select(r => r!["casusId"]!.GetValue<string>()).Distinct().Order());
        // First casus: adding Piet. Second casus: adding Piet (after Klaas) and Tilburg's read.
        Assert.Equal(1, results.Count(r => r!["casusId"]!.GetValue<string>() == eerste.ToString()));
        Assert.Equal(2, results.Count(r => r!["casusId"]!.GetValue<string>() == tweede.ToString()));
        var tilburgRead = results.Single(r => r!["organisaties"]!.AsArray().Any(o => o!["id"]!.GetValue<string>() == Examples.TilburgId));
        Assert.Equal("casus-verkennen", tilburgRead!["activiteitId"]!.GetValue<string>());
        Assert.Equal("Gemeente Tilburg", tilburgRead["organisaties"]![0]!["naam"]!.GetValue<string>());
        Assert.All(results, r => Assert.NotEmpty(r!["organisaties"]!.AsArray()));

        var klaas = (await _client.As(Personas.LandelijkeAuditor).Post("/api/v1/verwerkingen/_zoek", new { subject = Klaas })).Body!;
        // Klaas: added (1), processed again when Piet was added (2), Tilburg's read (3); never in the first casus.
        Assert.Equal(3, klaas["count"]!.GetValue<long>());
        Assert.All(klaas["results"]!.AsArray(), r => Assert.Equal(tweede.ToString(), r!["casusId"]!.GetValue<string>()));

        var niemand = (await _client.As(Personas.LandelijkeAuditor).Post("/api/v1/verwerkingen/_zoek",
            new { subject = new { soort = "natuurlijk-persoon", voornamen = "Piet", achternaam = "de Boer", geboortedatum = "1975-03-03" } })).Body!;
        Assert.Equal(0, niemand["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_regional_auditor_sees_only_processing_in_their_region_and_invalid_subject_data_is_400()
    {
        var id = await CasusMet(Henk);
        var limburg = (await _client.As(Personas.AuditorLimburg).Post("/api/v1/verwerkingen/_zoek", new { subject = Henk })).Body!;
        Assert.Equal(0, limburg["count"]!.GetValue<long>());
        var eigen = (await _client.As(Personas.Auditor).Post("/api/v1/verwerkingen/_zoek", new { subject = Henk })).Body!;
        Assert.Contains(eigen["results"]!.AsArray(), r => r!["casusId"]!.GetValue<string>() == id.ToString());

        var invalid = await _client.As(Personas.Auditor).Post("/api/v1/verwerkingen/_zoek", new { subject = new { soort = "natuurlijk-persoon", bsn = "123" } });
        invalid.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(["achternaam", "bsn", "geboortedatum", "voornamen"], invalid.InvalidParamNames);
    }
}
